using System;
using System.IO;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.Scanning;

/// <summary>What reading one input file gave: its text, or why not.</summary>
public readonly record struct InputRead(SourceText? Text, string? Skipped, string? Error)
{
    /// <summary>The text as a string (null when not read).</summary>
    public string? Content => Text?.ToString();
}

/// <summary>
/// The one way the scanner reads a file of the scanned tree (sources, configuration, project files, editor
/// configuration, baselines). Only regular files with content are opened: a pipe or a device named
/// <c>Program.cs</c> or <c>appsettings.json</c> reports a length of 0 and would block <c>open()</c> until a writer
/// comes (a scan used to hang there), so a file the file system reports empty is never opened. Files over
/// <see cref="MaxFileBytes"/> are an error (exit 2), never skipped silently. Every file not read says why.
/// </summary>
public static class InputFiles
{
    /// <summary>The largest file analysed (docs/cli.md "Limits"): larger minified or generated blobs fail the scan instead of passing it.</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    /// <summary>The limit as the messages and docs/cli.md say it.</summary>
    public const string MaxFileText = "16 MB";

    /// <summary>Reads a file as text (encoding detected from its byte order mark, UTF-8 otherwise).</summary>
    public static InputRead Read(string path, string displayPath, bool rejectBinary = false)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return new InputRead(null, null, $"{displayPath}: not read: it no longer exists.");
            }

            if (info.Length == 0)
            {
                return new InputRead(null, $"{displayPath}: not read: empty, or not a regular file (a pipe or a device).", null);
            }

            if (info.Length > MaxFileBytes)
            {
                return new InputRead(null, null, $"{displayPath}: not analysed: {info.Length / (1024 * 1024)} MB is over the {MaxFileText} limit for one file (docs/cli.md, Limits).");
            }

            return FromBytes(File.ReadAllBytes(path), displayPath, rejectBinary);
        }
        catch (UnauthorizedAccessException)
        {
            return new InputRead(null, null, $"{displayPath}: not read: permission denied.");
        }
        catch (InvalidDataException)
        {
            return new InputRead(null, $"{displayPath}: not read: binary content, not C#.", null);
        }
        catch (IOException ex)
        {
            return new InputRead(null, null, $"{displayPath}: not read: {FirstLine(ex.Message)}");
        }
    }

    /// <summary>Text from bytes already read (a git blob, the index's version of a file), with the same limits.</summary>
    public static InputRead FromBytes(byte[] bytes, string displayPath, bool rejectBinary = false)
    {
        if (bytes.Length > MaxFileBytes)
        {
            return new InputRead(null, null, $"{displayPath}: not analysed: {bytes.Length / (1024 * 1024)} MB is over the {MaxFileText} limit for one file (docs/cli.md, Limits).");
        }

        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return new InputRead(SourceText.From(stream, encoding: null, SourceHashAlgorithm.Sha1, throwIfBinaryDetected: rejectBinary), null, null);
        }
        catch (InvalidDataException)
        {
            return new InputRead(null, $"{displayPath}: not read: binary content, not C#.", null);
        }
    }

    /// <summary>Reads a small file the scan needs whole (a project file, .editorconfig) or returns null and the reason.</summary>
    public static string? ReadAllText(string path, string displayPath, out string? problem)
    {
        var read = Read(path, displayPath);
        problem = read.Error ?? read.Skipped;
        return read.Content;
    }

    internal static string FirstLine(string message)
    {
        var newline = message.IndexOfAny(new[] { '\r', '\n' });
        return newline < 0 ? message : message.Substring(0, newline);
    }
}
