using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Semantics;
using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;


namespace Cadasto.Analyzers.OAuth;

/// <summary>
/// OAuth protocol values written as text: form and query parameters (<c>grant_type=password</c>),
/// response types (<c>id_token token</c>) and the string a piece of code spells, with the parts only
/// known at run time kept as a marker.
/// </summary>
internal static class OAuthText
{
    /// <summary>Stands for a part of a string that is only known at run time.</summary>
    public const char Unknown = '\u0001';

    public const string GrantTypeKey = OAuthParameters.GrantType;
    public const string ResponseTypeKey = OAuthParameters.ResponseType;
    public const string ClientSecretKey = OAuthParameters.ClientSecret;
    public const string CodeChallengeKey = OAuthParameters.CodeChallenge;
    public const string CodeVerifierKey = OAuthParameters.CodeVerifier;
    public const string AuthorizationCodeGrant = "authorization_code";

    /// <summary>The property that holds a grant type (<c>TokenRequest.GrantType</c>); its parameter is <c>grantType</c>.</summary>
    public const string GrantTypeMember = "GrantType";

    /// <summary>The property that holds a response type (<c>OpenIdConnectOptions.ResponseType</c>); its parameter is <c>responseType</c>.</summary>
    public const string ResponseTypeMember = "ResponseType";

    /// <summary>The switch that turns PKCE on or off in ASP.NET Core's handlers (<c>OAuthOptions.UsePkce</c>).</summary>
    public const string UsePkceMember = "UsePkce";

    /// <summary>Whether a response type's space-separated values include <c>token</c> (the implicit grant).</summary>
    public static bool IncludesToken(string responseType) => HasValue(responseType, "token");

    /// <summary>Whether a response type's space-separated values include <c>code</c>.</summary>
    public static bool IncludesCode(string responseType) => HasValue(responseType, "code");

    private static bool HasValue(string responseType, string value)
    {
        foreach (var part in responseType.Split(new[] { ' ', '+', '\t' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (string.Equals(part.Replace("%20", " ").Trim(), value, StringComparison.Ordinal))
            {
                return true;
            }

            // "code%20token" in a URL.
            foreach (var encoded in part.Split(new[] { "%20" }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (string.Equals(encoded, value, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The values of <paramref name="name"/> in form or query text (<c>a=1&amp;grant_type=password</c>,
    /// <c>https://…/authorize?response_type=code&amp;…</c>); a parameter must start the text or follow
    /// <c>?</c>, <c>&amp;</c> or whitespace, so prose that mentions the name is not a parameter.
    /// </summary>
    public static IEnumerable<string> ParameterValues(string text, string name)
    {
        var start = 0;
        while (start < text.Length)
        {
            var index = text.IndexOf(name + "=", start, StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                yield break;
            }

            start = index + name.Length + 1;
            if (index > 0 && text[index - 1] is not ('?' or '&' or ' ' or '\n' or '\t' or '"' or Unknown))
            {
                continue;
            }

            var end = start;
            while (end < text.Length && text[end] is not ('&' or '#' or ' ' or '"' or '\n'))
            {
                end++;
            }

            yield return Uri.UnescapeDataString(text.Substring(start, end - start).Replace('+', ' '));
        }
    }

    /// <summary>Whether <paramref name="text"/> names the parameter at all (<c>code_challenge=</c> anywhere, or a hole that may add it).</summary>
    public static bool MentionsParameter(string text, string name) => text.IndexOf(name, StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>
    /// The text an expression spells: constants as they are, concatenations, interpolations and <c>string.Concat</c>
    /// part by part (through the one splitter, <see cref="StringParts.Of"/>), anything computed at run time as
    /// <see cref="Unknown"/>. Null when the expression is not a string.
    /// </summary>
    public static string? Compose(IOperation operation)
    {
        operation = StringParts.Unwrap(operation);
        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            return constant;
        }

        if (!StringParts.IsComposite(operation))
        {
            return IsString(operation.Type) ? Unknown.ToString() : null;
        }

        var text = new System.Text.StringBuilder();
        foreach (var part in StringParts.Of(operation))
        {
            if (part.ConstantValue is { HasValue: true, Value: string constantPart })
            {
                text.Append(constantPart);
            }
            else
            {
                // A hole that is itself a composition ($"{a + "&b=1"}") is read as one; anything else is only known at run time.
                // Of opens every composition IsComposite names, so a part it yields is never the whole again.
                text.Append(StringParts.IsComposite(part) ? Compose(part) : Unknown.ToString());
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Whether a string expression is the whole string (not a part of a concatenation or an
    /// interpolation), so that a URL built from pieces is read once, as one text.
    /// </summary>
    public static bool IsOutermostString(IOperation operation)
    {
        return StringParts.Parent(operation) switch
        {
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary => !IsString(binary.Type),
            IInterpolatedStringTextOperation or IInterpolationOperation or IInterpolatedStringOperation => false,
            _ => true,
        };
    }

    /// <summary>
    /// Whether a whole string is written as a message — a log, console or trace line, an exception's message, a
    /// format string — rather than sent: a message that mentions <c>grant_type=password</c> does not use that grant.
    /// </summary>
    public static bool IsMessage(IOperation outermost)
    {
        if (StringParts.Parent(outermost) is not IArgumentOperation { Parameter: { } parameter } argument)
        {
            return false;
        }

        // An OAuth error's description (error_description: a server rejecting a request explains, in prose, which
        // response_type it supports) is a message too.
        if (parameter.Name is "message" or "messageFormat" or "messageTemplate" or "description" or "errorDescription" or "error_description")
        {
            return true;
        }

        // Console.WriteLine(value), writer.Write(value), Debug.WriteLine(value), Trace.TraceWarning(value)…
        return argument.Parent is IInvocationOperation { TargetMethod: { } method }
            && (SymbolNames.IsType(method.ContainingType, "System", "Console")
                || SymbolNames.IsType(method.ContainingType, "System.IO", "TextWriter")
                || SymbolNames.IsType(method.ContainingType, "System.Diagnostics", "Debug")
                || SymbolNames.IsType(method.ContainingType, "System.Diagnostics", "Trace"));
    }

    private static bool IsString(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;
}
