using System.Collections.Immutable;

namespace Cadasto.Analyzers.Catalogs;

/// <summary>
/// Library calls that store a value under a name given beside it, with the positions of the name and the value (the
/// receiver of an extension method not counted): data only. Where the call binds, its parameters say so themselves
/// (<c>Semantics/KeyedValues</c>' pair policy: a <c>name</c> parameter followed by a <c>value</c>); these rows are what
/// CDS1002 asks where the library is not compiled against (a source-only scan of an Aspire app host: the SDK's package
/// is no reference the tool ships), so that <c>WithEnvironment("Seed__AdminPassword", "…")</c> is named by its variable.
/// </summary>
internal static class NameValueCallCatalog
{
    public static readonly ImmutableArray<CatalogMember<NameValuePositions>> Default = ImmutableArray.Create(
        // .NET Aspire app hosts: an environment variable of a resource, a build argument of a container, a parameter's
        // default value (AddParameter(name, value, publishValueAsDefault, secret)).
        Row("Aspire.Hosting.ResourceBuilderExtensions", "WithEnvironment", name: 0, value: 1),
        Row("Aspire.Hosting.ContainerResourceBuilderExtensions", "WithBuildArg", name: 0, value: 1),
        Row("Aspire.Hosting.ParameterResourceBuilderExtensions", "AddParameter", name: 0, value: 1),
        // The process environment (always bound where System resolves; listed so the catalogue names every such call).
        Row("System.Environment", "SetEnvironmentVariable", name: 0, value: 1));

    private static CatalogMember<NameValuePositions> Row(string typeMetadataName, string memberName, int name, int value) =>
        new(typeMetadataName, memberName, SinkKind.MethodArgument, Meaning: new NameValuePositions(name, value));
}

/// <summary>The positions of a name-value call's name and value arguments.</summary>
internal readonly record struct NameValuePositions(int Name, int Value);
