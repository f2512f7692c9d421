using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Cadasto.Credentials.Stores;

/// <summary>
/// Reads the files the stores own (a mounted secret file, <c>secrets.json</c>) safely: only a regular file, at most
/// <c>maxBytes</c>, never hanging. A FIFO passes <see cref="File.Exists"/> and reports the same attributes as a file,
/// and opening one for reading blocks until a writer comes, so on Unix the file is opened non-blocking first and
/// must be seekable (a FIFO or socket is not); the same descriptor is then read, so nothing can be swapped in between.
/// </summary>
internal static class SecretFiles
{
    /// <summary>A stamp of the file's time and size; null when there is no file.</summary>
    public static string? Version(string path)
    {
        var info = new FileInfo(path);
        return info.Exists
            ? info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture) + ":" + info.Length.ToString(CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>The file's last write time (UTC); null when there is no file.</summary>
    public static DateTimeOffset? LastChanged(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero) : null;
    }

    /// <summary>
    /// The file's text (UTF-8, or as its byte-order mark says), or null when there is no file. Throws
    /// <see cref="CadastoCredentialsException"/> naming <paramref name="what"/> when it is not a regular file or is larger than
    /// <paramref name="maxBytes"/>.
    /// </summary>
    public static string? ReadText(string path, int maxBytes, string what)
    {
        if (Directory.Exists(path))
        {
            throw new CadastoCredentialsException($"The {what} '{path}' is a folder, not a file.");
        }

        if (!File.Exists(path))
        {
            return null;
        }

        using var stream = OpenRegularFile(path, what);
        var buffer = new byte[Math.Min(maxBytes + 1, 64 * 1024)];
        using var content = new MemoryStream();
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            content.Write(buffer, 0, read);
            if (content.Length > maxBytes)
            {
                throw new CadastoCredentialsException(
                    $"The {what} '{path}' is larger than {maxBytes.ToString(CultureInfo.InvariantCulture)} bytes: that is not a secret file; check the path.");
            }
        }

        content.Position = 0;
        using var reader = new StreamReader(content, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static Stream OpenRegularFile(string path, string what)
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }

        var nonBlocking = RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? LinuxNonBlock : BsdNonBlock;
        var name = Encoding.UTF8.GetBytes(path + "\0");
        var descriptor = Open(name, ReadOnly | nonBlocking);
        if (descriptor < 0)
        {
            var error = Marshal.GetLastWin32Error();
            throw new CadastoCredentialsException($"The {what} '{path}' cannot be opened (errno {error.ToString(CultureInfo.InvariantCulture)}): check its permissions.");
        }

        var handle = new SafeFileHandle(new IntPtr(descriptor), ownsHandle: true);
        try
        {
            // A FIFO, a socket or a terminal cannot seek: only a regular file (or a device that can) is read.
            if (Seek(descriptor, 0, SeekEnd) < 0 || Seek(descriptor, 0, SeekSet) < 0)
            {
                throw new CadastoCredentialsException(
                    $"The {what} '{path}' is not a regular file (a FIFO, socket or device): point it at a file that holds the secret.");
            }

            return new FileStream(handle, FileAccess.Read, bufferSize: 1);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private const int ReadOnly = 0;
    private const int LinuxNonBlock = 0x800;
    private const int BsdNonBlock = 0x4;
    private const int SeekSet = 0;
    private const int SeekEnd = 2;

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "lseek", SetLastError = true)]
    private static extern long Seek(int descriptor, long offset, int whence);
}
