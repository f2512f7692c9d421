using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using Cadasto.Analyzers.Configuration;
using Cadasto.Analyzers.Infrastructure;

namespace Cadasto.Cli;

/// <summary>
/// <c>cadasto request [--env NAME]</c>: the credential request in Cadasto's template, one per
/// environment, ready to paste into an email or a ticket. Refuses (exit 1) with CDS9002-style lines
/// when the manifest lacks what the request needs.
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

        var problems = new List<DiagnosticInfo>(file.Errors);
        var manifest = file.Manifest;
        if (manifest is null)
        {
            return Refuse(file, problems, error);
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

        problems.AddRange(Missing(file, manifest, environments));
        if (problems.Count > 0)
        {
            return Refuse(file, problems, error);
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
            ? $"{name.Value.Trim()} <{contact.Email!.Value.Trim()}>"
            : $"<{contact.Email!.Value.Trim()}>";
        if (contact.Slack is { } slack && !string.IsNullOrWhiteSpace(slack.Value))
        {
            contactText += $", chat {slack.Value.Trim()}";
        }

        var redirects = environment.RedirectUris.Select(u => u.Value).ToList();
        var origins = environment.AllowedOrigins.Select(u => u.Value).ToList();
        var lines = new[]
        {
            manifest.Application!.Value.Trim(),
            environment.Name.Value,
            redirects.Count == 0 ? "none" : string.Join(" ", redirects),
            origins.Count == 0 ? "none" : string.Join(" ", origins),
            string.Join(" ", manifest.ScopesOf(environment).Select(s => s.Value)),
            contactText,
            manifest.Description!.Value.Trim(),
        };

        var builder = new StringBuilder();
        builder.Append("Request: Cadasto API client credentials for ").AppendLine(manifest.Application.Value.Trim());
        builder.AppendLine();
        for (var i = 0; i < Labels.Length; i++)
        {
            builder.Append(Labels[i]).Append(": ").AppendLine(lines[i]);
        }

        return builder.ToString();
    }

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

    private static int Refuse(ManifestFile file, List<DiagnosticInfo> problems, TextWriter error)
    {
        error.WriteLine("cadasto: the credential request cannot be made yet:");
        foreach (var problem in problems.OrderBy(p => p.Location.Span.Start))
        {
            error.WriteLine(file.Format(problem));
        }

        return ExitCodes.Findings;
    }
}
