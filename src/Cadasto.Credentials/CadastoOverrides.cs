using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;

namespace Cadasto.Credentials;

/// <summary>
/// Per-deployment values from the configuration section <c>Cadasto</c>: <c>Cadasto:Authority</c>,
/// <c>Cadasto:ClientId</c> and <c>Cadasto:Scopes</c> (space-separated, or an array) replace the manifest's values at
/// run time. The manifest stays the registration of record, so each value is checked against it: an authority must be
/// an absolute <c>https</c> URI (<c>http</c> only on a loopback host) without user information, query or fragment; a
/// client id must be non-blank; a scope must be one the environment registers, or a protocol scope. A bad value stops
/// the host with a message that names the key.
/// </summary>
public static class CadastoOverrides
{
    /// <summary>The configuration section read: <c>Cadasto</c>.</summary>
    public const string SectionName = "Cadasto";

    /// <summary>Scopes of the OpenID Connect protocol itself, always allowed.</summary>
    public static IReadOnlyList<string> ProtocolScopes { get; } = new[] { "openid", "profile", "email", "address", "phone", "offline_access" };

    /// <summary>
    /// <paramref name="environment"/> with the values of <paramref name="configuration"/>'s <c>Cadasto</c> section in place
    /// of the manifest's; the same instance when the section sets none.
    /// </summary>
    /// <exception cref="CadastoCredentialsException">A value is malformed or outside the registration; the message names the key.</exception>
    public static CadastoEnvironment Apply(CadastoEnvironment environment, IConfiguration? configuration)
    {
        if (environment is null)
        {
            throw new ArgumentNullException(nameof(environment));
        }

        if (configuration is null)
        {
            return environment;
        }

        var section = configuration.GetSection(SectionName);
        var authority = section["Authority"];
        var clientId = section["ClientId"];
        var scopes = ReadScopes(section.GetSection("Scopes"));
        if (authority is null && clientId is null && scopes is null)
        {
            return environment;
        }

        if (authority is not null)
        {
            authority = ValidateAuthority(environment, authority.Trim());
        }

        if (clientId is not null && (clientId.Trim().Length == 0 || clientId.Any(char.IsWhiteSpace)))
        {
            throw Invalid(environment, "ClientId", "must be a client id Cadasto issued: not blank, no spaces");
        }

        if (scopes is not null)
        {
            var registered = new HashSet<string>(environment.Scopes.Concat(ProtocolScopes), StringComparer.Ordinal);
            var outside = scopes.Where(s => !registered.Contains(s)).ToList();
            if (outside.Count > 0)
            {
                throw Invalid(
                    environment,
                    "Scopes",
                    $"asks for {string.Join(" ", outside)}, outside the scopes cadasto.json registers for this environment ({string.Join(" ", environment.Scopes)}); request them from Cadasto and add them to cadasto.json first");
            }
        }

        return new CadastoEnvironment(
            environment.Application,
            environment.Name,
            clientId?.Trim() ?? environment.ClientId,
            authority ?? environment.Authority,
            scopes ?? environment.Scopes,
            environment.RedirectUris,
            environment.AllowedOrigins,
            environment.Secret);
    }

    private static IReadOnlyList<string>? ReadScopes(IConfigurationSection section)
    {
        var items = section.GetChildren().Select(c => c.Value).Where(v => v is not null).Select(v => v!).ToList();
        if (section.Value is { } text)
        {
            items.Add(text);
        }

        if (items.Count == 0)
        {
            return section.Value is null ? null : Array.Empty<string>();
        }

        return items.SelectMany(i => i.Split(new[] { ' ', '\t', ',' }, StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).ToList();
    }

    private static string ValidateAuthority(CadastoEnvironment environment, string authority)
    {
        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw Invalid(environment, "Authority", "is not an absolute https URI");
        }

        if (uri.UserInfo.Length > 0)
        {
            // The value is never repeated: user information may hold a password.
            throw Invalid(environment, "Authority", "holds user information (user:password@); an authority never does: remove it");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            throw Invalid(environment, "Authority", "uses http; only https is allowed, except on a loopback host");
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw Invalid(environment, "Authority", "has a query or fragment; an authority is the issuer's base URI");
        }

        return authority;
    }

    private static CadastoCredentialsException Invalid(CadastoEnvironment environment, string key, string why) =>
        new($"Cadasto credentials for application '{environment.Application}', environment '{environment.Name}': the configuration key {SectionName}:{key} {why}.");
}
