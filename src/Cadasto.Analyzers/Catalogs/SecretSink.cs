
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
/// One place that receives a secret: <paramref name="TypeMetadataName"/>'s member
/// <paramref name="MemberName"/>. For arguments, <paramref name="ParameterName"/> names the parameter;
/// null means every parameter whose name is credential-named (user sinks from <c>cadasto_secret_sinks</c>).
/// </summary>
internal sealed record SecretSink(string TypeMetadataName, string MemberName, SinkKind Kind, string? ParameterName = null, SinkMeaning Meaning = SinkMeaning.ClientSecret)
{
    /// <summary>
    /// The short name shown in messages: <c>ConfidentialClientApplicationBuilder.WithClientSecret</c>, and for a constructor
    /// the expression a user writes, <c>new NetworkCredential(password)</c> (not <c>NetworkCredential.NetworkCredential</c>).
    /// </summary>
    public string DisplayName { get; } = MemberName == ".ctor"
        ? "new " + ShortTypeName(TypeMetadataName) + "(" + (ParameterName ?? "…") + ")"
        : ShortTypeName(TypeMetadataName) + "." + MemberName;

    private static string ShortTypeName(string metadataName)
    {
        var lastDot = metadataName.LastIndexOf('.');
        var typeName = lastDot < 0 ? metadataName : metadataName.Substring(lastDot + 1);
        var arity = typeName.IndexOf('`');
        return arity < 0 ? typeName : typeName.Substring(0, arity);
    }
}
