using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.OAuth;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cadasto.Analyzers.Semantics;

/// <summary>
/// What a compilation can hold, decided once per compilation for every rule that asks: a rule that looks for nothing the
/// compilation can hold registers no per-operation action at its compilation start (issue 10), so code that is not about
/// OAuth (a JSON library) pays for no callback of the flow rules. Decided from the source text, in one pass
/// (<see cref="IdentifierSearch"/>): an operation on a catalogued member names that member in its syntax, and the CLI
/// compiles every project against every OAuth package it ships, so "the catalogue resolves" alone would say yes
/// everywhere. A catalogued name counts only where the row's type resolves (or, for a row of every type of a namespace,
/// the namespace exists), which is asked only of the few names a source spells (<c>Value</c> is IdentityServer's
/// <c>Secret.Value</c>, and every program's).
/// </summary>
/// <remarks>
/// The names, all from the catalogues and the engines' own constants:
/// <list type="bullet">
/// <item>form keys, case ignored (<c>grant_type</c>, <c>response_type</c>, <c>client_secret</c>: dictionary entries, tuples,
/// anonymous objects, form and query text; <c>code_challenge</c>/<c>code_verifier</c> only matter beside them);</item>
/// <item>the <c>GrantType</c>/<c>ResponseType</c> properties and <c>grantType</c>/<c>responseType</c> arguments, case
/// ignored (a user's method declares its parameter; libraries name their constants so:
/// <c>OpenIdConnectParameterNames.GrantType</c>), and <c>UsePkce</c>;</item>
/// <item>every member of the OAuth flow, PKCE and authorization-server catalogues and every client-secret sink, the user's
/// <c>cadasto_secret_sinks</c> included, as code spells it (<see cref="CatalogMember{TMeaning}.SpelledName"/>), outside
/// <c>using</c> directives; the grant-type values of a server registration (<c>GrantTypes.Code</c>) are read only through
/// the store that holds them (<c>AllowedGrantTypes</c>), whose name is enough;</item>
/// <item>the first segment of the namespaces whose client registrations are read from syntax when the server's package does
/// not resolve (<c>using IdentityServer4.Models;</c>).</item>
/// </list>
/// Not covered, by choice: a catalogued type created only through a target-typed <c>new()</c> or a type derived from it in
/// another assembly, and a key held in a constant of an uncatalogued library under a name that spells none of these, or
/// passed positionally to such a library's <c>grantType</c> parameter, in a compilation whose sources spell nothing above.
/// </remarks>
internal static class CompilationContents
{
    private static readonly FlowNames DefaultFlowNames = new(ImmutableArray<SecretSink>.Empty);

    // One search per distinct cadasto_secret_sinks value (a build has one).
    private static readonly ConcurrentDictionary<string, FlowNames> UserFlowNames = new(System.StringComparer.Ordinal);

    /// <summary>Whether the compilation can show an OAuth flow to CDS2001–CDS2005: its sources spell one of the names above.</summary>
    public static bool MayHoldFlows(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var option = CadastoOptions.GetForProject(compilation, options, CadastoOptions.SecretSinks);
        var names = string.IsNullOrWhiteSpace(option)
            ? DefaultFlowNames
            : UserFlowNames.GetOrAdd(option!, static o => new FlowNames(SecretSinkCatalog.ParseUserSinks(o)));
        var symbols = CompilationSymbols.Get(compilation);
        return symbols.SourceSpells(names.Search, name => names.Counts(name, symbols), cancellationToken);
    }

    private sealed class FlowNames
    {
        // The catalogue rows each spelled name stands for: the name counts where one of them resolves.
        private readonly Dictionary<string, List<CatalogMember<object?>>> _rows = new(System.StringComparer.Ordinal);

        public FlowNames(ImmutableArray<SecretSink> userSinks)
        {
            var names = new List<SearchedName>();
            foreach (var word in new[] { OAuthText.GrantTypeKey, OAuthText.ResponseTypeKey, OAuthText.ClientSecretKey, OAuthText.GrantTypeMember, OAuthText.ResponseTypeMember, OAuthText.UsePkceMember })
            {
                names.Add(new SearchedName(word, IgnoreCase: true, InUsingDirectives: true));
            }

            foreach (var ns in ServerRegistrationCatalog.Members.Where(row => row.Meaning.Role == RegistrationRole.GrantTypes).Select(row => row.TypeMetadataName.Substring(0, row.TypeMetadataName.IndexOf('.'))).Distinct())
            {
                names.Add(new SearchedName(ns, IgnoreCase: false, InUsingDirectives: true));
            }

            Add(OAuthSignalCatalog.Members);
            Add(PkceCatalog.Members);
            Add(ServerRegistrationCatalog.Members.Where(row => !(row.Meaning.Role == RegistrationRole.AllowsFlow && row.Kind == SinkKind.PropertyAssignment)));
            Add(SecretSinkCatalog.Default.AddRange(userSinks).Where(row => row.Meaning == SinkMeaning.ClientSecret));
            foreach (var name in _rows.Keys)
            {
                names.Add(new SearchedName(name, IgnoreCase: false, InUsingDirectives: false));
            }

            Search = IdentifierSearch.Create(names);
        }

        public IdentifierSearch Search { get; }

        public bool Counts(SearchedName name, CompilationSymbols symbols)
        {
            // A flow word or a namespace counts as it is; a catalogued name where its row resolves.
            if (name.IgnoreCase || name.InUsingDirectives || !_rows.TryGetValue(name.Name, out var rows))
            {
                return true;
            }

            foreach (var row in rows)
            {
                if (row.AnyTypeIn is { } ns ? symbols.MayHaveNamespace(ns) : symbols.Type(row.TypeMetadataName) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        private void Add<TMeaning>(IEnumerable<CatalogMember<TMeaning>> rows)
        {
            foreach (var row in rows)
            {
                if (!_rows.TryGetValue(row.SpelledName, out var list))
                {
                    _rows[row.SpelledName] = list = new List<CatalogMember<object?>>();
                }

                list.Add(new CatalogMember<object?>(row.TypeMetadataName, row.MemberName, row.Kind));
            }
        }
    }
}
