using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.Values;

namespace Cadasto.Cli;

/// <summary>
/// <c>cadasto request [--env NAME]</c>: the credential request in Cadasto's template, one per
/// environment, ready to paste into an email or a ticket. Refuses with compiler-style lines: exit 1 when
/// the manifest lacks what the request needs (CDS9002), exit 2 when a value is wrong — invalid (CDS9001,
/// CDS9003), or a loopback redirect URI or origin outside development, which Cadasto must never register
/// for a deployed environment. Every value is printed on one line with control characters escaped, so
/// manifest text cannot forge a labelled line of the template or reach the terminal as an escape sequence.
/// </summary>
internal static class RequestCommand
{
    /// <summary>The labels of the template, in the order Cadasto's request form asks for them.</summary>
    internal static readonly string[] Labels =
    {
        "Application name", "Environment", "Redirect URIs", "Allowed origins (CORS)", "Requested scopes", "Contact", "Description",
    };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var environment = new Option<string?>("--env", "-e")
        {
            Description = "The environment to request credentials for (case-insensitive). Default: every environment of the manifest, one request each.",
        };
        var manifest = ManifestOption();
        var command = new Command("request", "Print the credential request for the manifest's application, in Cadasto's request template.")
        {
            environment, manifest,
        };
        command.SetAction(parseResult => Run(parseResult.GetValue(manifest), parseResult.GetValue(environment), output, error));
        return command;
    }

    internal static Option<string?> ManifestOption() => new("--manifest", "-m")
    {
        Description = "The manifest file, or the folder that holds cadasto.json. Default: ./cadasto.json.",
    };

    private static int Run(string? manifestPath, string? environmentName, TextWriter output, TextWriter error)
    {
        var (file, problem) = ManifestFile.Load(manifestPath);
        if (file is null)
        {
            error.WriteLine("cadasto: " + problem);
            return ExitCodes.Usage;
        }

        var manifest = file.Manifest;
        if (manifest is null)
        {
            return Refuse(file, file.Errors.ToList(), Array.Empty<(LocationInfo, string)>(), error);
        }

        IReadOnlyList<ManifestEnvironment> environments = manifest.Environments.ToList();
        if (environmentName is not null)
        {
            var found = manifest.FindEnvironment(environmentName);
            if (found is null)
            {
                error.WriteLine($"cadasto: the manifest has no environment '{environmentName}'; it has: {string.Join(", ", manifest.Environments.Select(e => e.Name.Value))}.");
                return ExitCodes.Usage;
            }

            environments = new[] { found };
        }

        // A client id is what Cadasto sends back: a placeholder there (CDS9003 in the build) does not stop the request.
        var clientIds = manifest.Environments.Where(e => e.ClientId is not null).Select(e => e.ClientId!.Location).ToHashSet();
        var wrong = file.Errors.Where(e => !clientIds.Contains(e.Location)).ToList();
        var local = LocalOnly(environments).Concat(Placeholders(manifest, environments)).ToList();
        if (wrong.Count > 0 || local.Count > 0)
        {
            return Refuse(file, wrong, local, error);
        }

        var missing = Missing(file, manifest, environments).ToList();
        if (missing.Count > 0)
        {
            return Refuse(file, missing, Array.Empty<(LocationInfo, string)>(), error);
        }

        var text = new StringBuilder();
        foreach (var environment in environments)
        {
            if (text.Length > 0)
            {
                text.AppendLine().AppendLine("-----").AppendLine();
            }

            text.Append(Render(manifest, environment));
        }

        output.Write(text.ToString());
        return ExitCodes.Success;
    }

    /// <summary>One request: the subject line, a blank line, then the labelled lines in the template's order.</summary>
    internal static string Render(CadastoManifest manifest, ManifestEnvironment environment)
    {
        var contact = manifest.Contact!;
        var contactText = contact.Name is { } name && !string.IsNullOrWhiteSpace(name.Value)
            ? $"{OneLine(name.Value)} <{OneLine(contact.Email!.Value)}>"
            : $"<{OneLine(contact.Email!.Value)}>";
        if (contact.Slack is { } slack && !string.IsNullOrWhiteSpace(slack.Value))
        {
            contactText += $", chat {OneLine(slack.Value)}";
        }

        var redirects = environment.RedirectUris.Select(u => OneLine(u.Value)).ToList();
        var origins = environment.AllowedOrigins.Select(u => OneLine(u.Value)).ToList();
        var lines = new[]
        {
            OneLine(manifest.Application!.Value),
            OneLine(environment.Name.Value),
            redirects.Count == 0 ? "none" : string.Join(" ", redirects),
            origins.Count == 0 ? "none" : string.Join(" ", origins),
            string.Join(" ", manifest.ScopesOf(environment).Select(s => OneLine(s.Value))),
            contactText,
            OneLine(manifest.Description!.Value),
        };

        var builder = new StringBuilder();
        builder.Append("Request: Cadasto API client credentials for ").AppendLine(lines[0]);
        builder.AppendLine();
        for (var i = 0; i < Labels.Length; i++)
        {
            builder.Append(Labels[i]).Append(": ").AppendLine(lines[i]);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Manifest text as one line of the template: line breaks (CR, LF, NEL, U+2028, U+2029, vertical tab, form
    /// feed) become one space, so a description cannot start a line of its own; other control characters and
    /// the invisible direction overrides are written as <c>\uXXXX</c>, so none reaches the terminal.
    /// </summary>
    internal static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Trim())
        {
            if (c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029' or '\v' or '\f')
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                if (builder.Length > 0 && builder[builder.Length - 1] != ' ')
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
            }

            if ((char.IsControl(c) && c != '\t') || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F')
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Loopback redirect URIs and origins (<c>localhost</c>, <c>127.0.0.1</c>, <c>[::1]</c>) outside development: they
    /// point at the machine the browser runs on, so registering one for a deployed environment lets any local program
    /// receive its authorization codes.
    /// </summary>
    private static IEnumerable<(LocationInfo Location, string Message)> LocalOnly(IReadOnlyList<ManifestEnvironment> environments)
    {
        foreach (var environment in environments.Where(e => !e.IsDevelopment))
        {
            foreach (var (values, what) in new[] { (environment.RedirectUris, "redirect URI"), (environment.AllowedOrigins, "allowed origin") })
            {
                foreach (var value in values.Where(v => IsLoopback(v.Value)))
                {
                    yield return (value.Location, $"a {what} of environment '{OneLine(environment.Name.Value)}' is a loopback address, which belongs to development only: register the deployed address, or move it to 'development'");
                }
            }
        }
    }

    /// <summary>
    /// Placeholders (the product's one vocabulary: <c>REPLACE_ME</c>, <c>&lt;…&gt;</c>, <c>changeme</c>, <c>TODO</c>…) in what the
    /// request sends: Cadasto would register them as written. The client id and authority are the build's (CDS9003).
    /// </summary>
    private static IEnumerable<(LocationInfo Location, string Message)> Placeholders(CadastoManifest manifest, IReadOnlyList<ManifestEnvironment> environments)
    {
        var sent = new List<(ManifestValue? Value, string What, bool IsUri)>
        {
            (manifest.Application, "'application'", false),
            (manifest.Contact?.Name, "'contact.name'", false),
            (manifest.Contact?.Email, "'contact.email'", false),
            (manifest.Contact?.Slack, "'contact.slack'", false),
        };
        if (manifest.Description is { } description && description.Value.Trim() != InitCommand.PendingDescription)
        {
            sent.Add((description, "'description'", false));
        }

        foreach (var environment in environments)
        {
            var where = $" of environment '{OneLine(environment.Name.Value)}'";
            sent.AddRange(environment.RedirectUris.Select(v => ((ManifestValue?)v, "a redirect URI" + where, true)));
            sent.AddRange(environment.AllowedOrigins.Select(v => ((ManifestValue?)v, "an allowed origin" + where, true)));
            sent.AddRange(manifest.ScopesOf(environment).Select(v => ((ManifestValue?)v, "a scope" + where, false)));
        }

        return sent
            .Where(s => s.Value is not null && (s.IsUri ? ManifestUris.HasPlaceholder(s.Value.Value) : SecretValueHeuristics.IsPlaceholder(s.Value.Value)))
            .GroupBy(s => s.Value!.Location)
            .Select(g => (g.Key, $"{g.First().What} is a placeholder: write the real value before the request is sent"));
    }

    private static bool IsLoopback(string uri) =>
        Uri.TryCreate(uri.Trim(), UriKind.Absolute, out var parsed) && parsed.IsLoopback && parsed.Host.Length > 0;

    /// <summary>What the request needs and the manifest lacks, as CDS9002 findings at the places the build reports them.</summary>
    private static IEnumerable<DiagnosticInfo> Missing(ManifestFile file, CadastoManifest manifest, IReadOnlyList<ManifestEnvironment> environments)
    {
        if (IsBlank(manifest.Application))
        {
            yield return file.Incomplete(manifest.Root, "'application'");
        }

        if (IsBlank(manifest.Description) || manifest.Description!.Value.Trim() == InitCommand.PendingDescription)
        {
            yield return file.Incomplete(manifest.Root, "'description' (what the integration does and why it needs access)");
        }

        if (manifest.Contact is null)
        {
            yield return file.Incomplete(manifest.Root, "'contact'");
        }
        else if (IsBlank(manifest.Contact.Email))
        {
            yield return file.Incomplete(manifest.Contact.Location, "'contact.email' (the request names a contact as Name <email>)");
        }

        if (manifest.Environments.Length == 0)
        {
            yield return file.Incomplete(manifest.Root, "'environments' (one request is made per environment)");
        }

        var interactive = manifest.DeclaresFlow(OAuthFlow.AuthorizationCode);
        foreach (var environment in environments)
        {
            if (!manifest.ScopesOf(environment).Any(s => !string.IsNullOrWhiteSpace(s.Value)))
            {
                yield return file.Incomplete(environment.Name.Location, $"'scopes' for environment '{environment.Name.Value}' (the request lists the scopes it asks for)");
            }

            if (interactive && environment.RedirectUris.Length == 0)
            {
                yield return file.Incomplete(environment.Name.Location, $"'redirectUris' for environment '{environment.Name.Value}' (authorization_code needs a registered redirect URI)");
            }
        }
    }

    private static bool IsBlank(ManifestValue? value) => value is null || string.IsNullOrWhiteSpace(value.Value);

    /// <summary>
    /// Prints why no request is made. Exit 1 when something is only missing (CDS9002: fill it in); exit 2 when a value
    /// is wrong (CDS9001, CDS9003, a loopback address outside development: it must be replaced).
    /// </summary>
    private static int Refuse(ManifestFile file, IReadOnlyList<DiagnosticInfo> findings, IEnumerable<(LocationInfo Location, string Message)> local, TextWriter error)
    {
        error.WriteLine("cadasto: the credential request cannot be made yet:");
        var localList = local.ToList();
        var lines = findings.Select(f => (f.Location.Span.Start, Text: file.Format(f)))
            .Concat(localList.Select(l => (l.Location.Span.Start, Text: file.FormatError(l.Location, l.Message))))
            .OrderBy(l => l.Start);
        foreach (var line in lines)
        {
            error.WriteLine(line.Text);
        }

        var wrong = localList.Count > 0 || findings.Any(f => f.Id != Cadasto.Analyzers.DiagnosticIds.ManifestIncomplete);
        return wrong ? ExitCodes.Usage : ExitCodes.Findings;
    }
}
