
namespace Cadasto.Analyzers.Catalogs;

/// <summary>How a sink receives the secret.</summary>
internal enum SinkKind
{
    /// <summary>An argument of a method call, matched by parameter name.</summary>
    MethodArgument,

    /// <summary>A value assigned to a property or field (also in object initializers and <c>Configure&lt;T&gt;</c> lambdas).</summary>
    PropertyAssignment,

    /// <summary>An argument of a constructor, matched by parameter name.</summary>
    ConstructorArgument,

    /// <summary>
    /// Each element of the collection a property holds: <c>RedirectUris = { "…" }</c>, <c>RedirectUris = new[] { … }</c>,
    /// <c>descriptor.RedirectUris.Add(…)</c>.
    /// </summary>
    CollectionElement,

    /// <summary>An argument of an indexer, matched by parameter name (<c>configuration["…"]</c>: the key a value is read by).</summary>
    IndexerArgument,
}

/// <summary>What the value a sink receives is.</summary>
internal enum SinkMeaning
{
    /// <summary>An OAuth client secret (CDS1001).</summary>
    ClientSecret,

    /// <summary>Another credential (a password, a bearer token): a known sink for CDS1002's positional arguments.</summary>
    Credential,
}

/// <summary>
/// One row of every member-based catalogue (secret sinks, OAuth signals, redirect-URI sinks, PKCE sites, output sinks,
/// secret sources, authorization-server registrations, secret kinds):
/// <paramref name="TypeMetadataName"/>'s member <paramref name="MemberName"/> (<c>.ctor</c> for a constructor or an
/// object creation), how it receives the value (<paramref name="Kind"/>), the parameter that does
/// (<paramref name="ParameterName"/>; null means every credential-named parameter for secret sinks, or any for the
/// others), and what the catalogue says about it (<paramref name="Meaning"/>). Data only: the one index that
/// resolves rows to symbols is <see cref="Semantics.CatalogIndex{TMeaning}"/>.
/// </summary>
internal sealed record CatalogMember<TMeaning>(string TypeMetadataName, string MemberName, SinkKind Kind, string? ParameterName = null, TMeaning Meaning = default!)
{
    /// <summary>The member name of a constructor row.</summary>
    public const string Constructor = ".ctor";

    /// <summary>The type's name without namespace or arity (<c>AbstractApplicationBuilder</c>).</summary>
    public string TypeName { get; } = ShortTypeName(TypeMetadataName);

    /// <summary>The type's namespace (<c>IdentityServer4.Models</c>): what a file imports to spell the type by its name alone.</summary>
    public string TypeNamespace => TypeMetadataName.Substring(0, System.Math.Max(0, TypeMetadataName.LastIndexOf('.')));

    /// <summary>What ends the type name of a row that stands for every type of a namespace (<c>OpenIddict.*</c>).</summary>
    public const string AnyTypeSuffix = ".*";

    /// <summary>
    /// The namespace of a row that stands for the member of that name on every type of the namespace and the namespaces
    /// nested in it (<c>OpenIddict.*</c>: each web provider generates its own builder with a <c>SetClientSecret</c>, too
    /// many to list by type); null for a row of one type.
    /// </summary>
    public string? AnyTypeIn { get; } = TypeMetadataName.EndsWith(AnyTypeSuffix, System.StringComparison.Ordinal)
        ? TypeMetadataName.Substring(0, TypeMetadataName.Length - AnyTypeSuffix.Length)
        : null;

    /// <summary>
    /// The name code must spell to reach the row, which a text search can look for: a constructor's type name, a prefix
    /// row's prefix (<c>Write*</c>: <c>Write</c>), otherwise the member's name.
    /// </summary>
    public string SpelledName { get; } = MemberName == Constructor ? ShortTypeName(TypeMetadataName) : MemberName.TrimEnd('*');

    /// <summary>How messages name the member: <c>Type.Member</c>, <c>new Type(parameter)</c> for a constructor, the member alone for a namespace row.</summary>
    public string DisplayName { get; } = MemberName == Constructor
        ? "new " + ShortTypeName(TypeMetadataName) + "(" + (ParameterName ?? "…") + ")"
        : TypeMetadataName.EndsWith(AnyTypeSuffix, System.StringComparison.Ordinal) ? MemberName : ShortTypeName(TypeMetadataName) + "." + MemberName;

    private static string ShortTypeName(string metadataName)
    {
        var lastDot = metadataName.LastIndexOf('.');
        var typeName = lastDot < 0 ? metadataName : metadataName.Substring(lastDot + 1);
        var arity = typeName.IndexOf('`');
        return arity < 0 ? typeName : typeName.Substring(0, arity);
    }
}
