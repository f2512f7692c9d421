namespace Cadasto.Analyzers.Sinks;

/// <summary>How a sink receives the secret.</summary>
internal enum SinkKind
{
    /// <summary>An argument of a method call, matched by parameter name.</summary>
    MethodArgument,

    /// <summary>A value assigned to a property (also in object initializers).</summary>
    PropertyAssignment,

    /// <summary>An argument of a constructor, matched by parameter name.</summary>
    ConstructorArgument,
}

/// <summary>
/// One place that receives a client secret: <paramref name="TypeMetadataName"/>'s member
/// <paramref name="MemberName"/>. For arguments, <paramref name="ParameterName"/> names the parameter.
/// </summary>
internal sealed record SecretSink(string TypeMetadataName, string MemberName, SinkKind Kind, string? ParameterName = null)
{
    /// <summary>The short name shown in messages, e.g. <c>ConfidentialClientApplicationBuilder.WithClientSecret</c>.</summary>
    public string DisplayName
    {
        get
        {
            var lastDot = TypeMetadataName.LastIndexOf('.');
            var typeName = lastDot < 0 ? TypeMetadataName : TypeMetadataName.Substring(lastDot + 1);
            var arity = typeName.IndexOf('`');
            return (arity < 0 ? typeName : typeName.Substring(0, arity)) + "." + MemberName;
        }
    }
}
