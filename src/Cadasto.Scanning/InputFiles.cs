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

    /// <summary>
    /// The first <paramref name="maxBytes"/> bytes of a file as text (UTF-16 by its byte order mark, UTF-8 otherwise: the
    /// ASCII of any encoding a C# file is read in comes out the same), or null where <see cref="Read"/> would not read the
    /// file (gone, empty or not a regular file, over the limit, not readable): that read then says why.
    /// </summary>
    public static string? ReadHead(string path, int maxBytes)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length == 0 || info.Length > MaxFileBytes)
            {
                return null;
            }

            var buffer = new byte[(int)Math.Min(maxBytes, info.Length)];
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return Head(buffer.AsSpan(0, read), maxBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The first <paramref name="maxBytes"/> bytes of content already read, as <see cref="ReadHead"/> gives them.</summary>
    public static string Head(ReadOnlySpan<byte> bytes, int maxBytes)
    {
        bytes = bytes.Slice(0, Math.Min(bytes.Length, maxBytes));
        return bytes switch
        {
            [0xFF, 0xFE, ..] => System.Text.Encoding.Unicode.GetString(bytes.Slice(2)),
            [0xFE, 0xFF, ..] => System.Text.Encoding.BigEndianUnicode.GetString(bytes.Slice(2)),
            [0xEF, 0xBB, 0xBF, ..] => System.Text.Encoding.UTF8.GetString(bytes.Slice(3)),
            _ => System.Text.Encoding.UTF8.GetString(bytes),
        };
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
