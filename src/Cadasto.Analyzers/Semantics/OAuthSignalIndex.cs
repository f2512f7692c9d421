using Cadasto.Analyzers.Catalogs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Semantics;

/// <summary>
/// The OAuth signal catalogue resolved against one compilation (through the one <see cref="CatalogIndex{TMeaning}"/>),
/// with the secret sinks the flow rules read a client secret from. One per compilation, from
/// <see cref="CompilationSymbols.OAuthSignals"/>.
/// </summary>
internal sealed class OAuthSignalIndex
{
    private readonly CatalogIndex<OAuthSignal> _members;
    private readonly CatalogIndex<ServerRegistration> _registrations;

    public OAuthSignalIndex(CatalogIndex<OAuthSignal> members, SecretSinkIndex secretSinks, CatalogIndex<ServerRegistration> registrations)
    {
        _members = members;
        SecretSinks = secretSinks;
        _registrations = registrations;
    }

    /// <summary>Whether the compilation references an authorization server whose registrations the rules read.</summary>
    public bool HasRegistrations => !_registrations.IsEmpty;

    /// <summary>What a member of an authorization server's API says about the flows it allows (<c>AllowImplicitFlow</c>, <c>GrantTypes.Implicit</c>, <c>Client.AllowedGrantTypes</c>).</summary>
    public bool TryGetRegistration(ISymbol member, out ServerRegistrationMember row) => _registrations.TryGetMember(member, out row);

    /// <summary>
    /// Whether <paramref name="other"/> resolves the same rows (one compilation, one <c>cadasto_secret_sinks</c> value):
    /// <see cref="CompilationSymbols.OAuthSignals"/> hands every rule its own index over the same shared parts.
    /// </summary>
    public bool ReadsAs(OAuthSignalIndex other) =>
        ReferenceEquals(_members, other._members) && ReferenceEquals(SecretSinks, other.SecretSinks) && ReferenceEquals(_registrations, other._registrations);

    /// <summary>The client-secret sinks: a secret handed to one is a confidential-client signal.</summary>
    public SecretSinkIndex SecretSinks { get; }

    /// <summary>The compilation's shared index.</summary>
    public static OAuthSignalIndex Get(Compilation compilation, AnalyzerOptions options) => CompilationSymbols.Get(compilation).OAuthSignals(options);

    /// <summary>The row of a catalogued call (an override or a reduced extension call still means it).</summary>
    public bool TryGetInvocation(IMethodSymbol method, out OAuthSignalMember row) =>
        _members.TryGetMember(method, out row) && row.Kind == SinkKind.MethodArgument;

    /// <summary>The row of a catalogued object creation (of the type or a type derived from it).</summary>
    public bool TryGetCreation(ITypeSymbol type, out OAuthSignalMember row) => _members.TryGetCreatedType(type, out row);

    /// <summary>How a message names a signal's member: the call's name, or the created type's.</summary>
    public static string DisplayName(OAuthSignalMember row) => row.Kind == SinkKind.ConstructorArgument ? row.TypeName : row.MemberName;
}
