using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Cadasto.Credentials.Stores;

namespace Cadasto.Credentials.Tests;

/// <summary>Issue 16's runtime points: deep JSON, FIFOs, folders and huge files give a clear error, never a crash or hang.</summary>
public sealed class HostileStoreInputTests
{
    [Fact]
    public async Task UserSecrets_DeeplyNested_ShouldFailNamingTheDepth()
    {
        using var profile = new TempFolder();
        // 40,000 levels (80 KB) overflowed the stack of the hand-written reader at start-up.
        var deep = new StringBuilder();
        deep.Append('{').Append("\"a\":");
        deep.Append('[', 40_000).Append(']', 40_000).Append('}');
        profile.Write("deep/secrets.json", deep.ToString());
        var store = new UserSecretsSecretStore("deep", profile.Path);

        var exception = await Assert.ThrowsAsync<CadastoCredentialsException>(() => store.GetSecretAsync(SecretReference.UserSecrets("Cadasto:ClientSecret")));

        Assert.Contains("nests deeper than 64 levels", exception.Message);
        Assert.Contains("secrets.json", exception.Message);
    }

    [Fact]
    public async Task UserSecrets_SixtyFourLevels_AreRead()
    {
        using var profile = new TempFolder();
        var key = string.Join(":", new string[63].Select((_, i) => "k" + i));
        var json = new StringBuilder();
        for (var i = 0; i < 63; i++)
        {
            json.Append("{\"k").Append(i).Append("\":");
        }

        json.Append("\"deep-value\"").Append('}', 63);
        profile.Write("ok/secrets.json", json.ToString());

        var secret = await new UserSecretsSecretStore("ok", profile.Path).GetSecretAsync(SecretReference.UserSecrets(key));

        Assert.Equal("deep-value", secret!.Reveal());
    }

    [Fact]
    public async Task UserSecrets_TextAfterTheDocument_ShouldFailWithLineAndPosition()
    {
        using var profile = new TempFolder();
        profile.Write("tail/secrets.json", "{ \"Cadasto:ClientSecret\": \"tail-secret-value\" }\n} trailing-secret-text");

        var exception = await Assert.ThrowsAsync<CadastoCredentialsException>(() =>
            new UserSecretsSecretStore("tail", profile.Path).GetSecretAsync(SecretReference.UserSecrets("Cadasto:ClientSecret")));

        Assert.Contains("is not valid JSON (line 2, position 1)", exception.Message);
        Assert.DoesNotContain("tail-secret-value", exception.Message);
        Assert.DoesNotContain("trailing-secret-text", exception.Message);
    }

    [Fact]
    public async Task UserSecrets_ArraysAndCommentsReadAsConfigurationDoes()
    {
        using var profile = new TempFolder();
        profile.Write("arr/secrets.json", "// a comment\n{ \"A\": [ { \"B\": \"x\" }, [\"y\", 2] ], \"C\": 1.5, }");
        var store = new UserSecretsSecretStore("arr", profile.Path);

        Assert.Equal("x", (await store.GetSecretAsync(SecretReference.UserSecrets("A:0:B")))!.Reveal());
        Assert.Equal("y", (await store.GetSecretAsync(SecretReference.UserSecrets("A:1:0")))!.Reveal());
        Assert.Equal("2", (await store.GetSecretAsync(SecretReference.UserSecrets("A:1:1")))!.Reveal());
        Assert.Equal("1.5", (await store.GetSecretAsync(SecretReference.UserSecrets("c")))!.Reveal());
    }

    [Fact]
    public async Task File_Fifo_ShouldFailAtOnceWithoutHanging()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        var fifo = Path.Combine(folder.Path, "client-secret");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", fifo) { UseShellExecute = false })!)
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        // Opening a FIFO for reading blocks until a writer comes: run it aside, so a regression fails rather than hangs.
        var read = Task.Run(() => new FileSecretStore(folder.Path).GetSecretAsync(SecretReference.File("client-secret")));
        await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.True(read.IsCompleted, "reading a FIFO must not hang");
        var exception = await Assert.ThrowsAsync<CadastoCredentialsException>(() => read);
        Assert.Contains("is not a regular file (a FIFO, socket or device)", exception.Message);
    }

    [Fact]
    public async Task File_Folder_ShouldFailNamingIt()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "secret-dir"));

        var exception = await Assert.ThrowsAsync<CadastoCredentialsException>(() =>
            new FileSecretStore(folder.Path).GetSecretAsync(SecretReference.File("secret-dir")));

        Assert.Contains("is a folder, not a file", exception.Message);
    }

    [Fact]
    public async Task File_LargerThanTheLimit_ShouldFailNamingTheLimit()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(Path.Combine(folder.Path, "big"), new byte[FileSecretStore.MaxFileBytes + 1]);

        var exception = await Assert.ThrowsAsync<CadastoCredentialsException>(() =>
            new FileSecretStore(folder.Path).GetSecretAsync(SecretReference.File("big")));

        Assert.Contains("is larger than 1048576 bytes", exception.Message);
    }
}
