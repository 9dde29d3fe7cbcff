using System.Globalization;
using Capture.Classifier.Ocr;
using Capture.Testing;

namespace Capture.Classifier.Tests.Accuracy;

/// <summary>
/// Scans of the <see cref="CustomerLetters"/>, each made once per test run when first asked for: the letter set in
/// Liberation Serif 12 pt at 300 dpi by <c>text2image</c> (straight, undegraded), and from that page the same page
/// turned by a quarter or half turn, or put in crooked by a few degrees, as a scanner produces them.
/// </summary>
public sealed class LetterScans : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly SemaphoreSlim makeOneAtATime = new(1, 1);

    /// <summary>The straight scan (a 1-bit TIFF) of a letter.</summary>
    internal Task<string> UprightAsync(CustomerLetter letter, CancellationToken cancellationToken) =>
        MakeOnceAsync(letter.Name + ".tif", (path, token) => RenderAsync(letter, path, token), cancellationToken);

    /// <summary>The scan turned counter-clockwise by <paramref name="degrees"/> (90, 180 or 270).</summary>
    internal async Task<string> TurnedAsync(CustomerLetter letter, int degrees, CancellationToken cancellationToken)
    {
        Assert.Contains(degrees, new[] { 90, 180, 270 });
        var upright = await UprightAsync(letter, cancellationToken);
        return await MakeOnceAsync(
            string.Create(CultureInfo.InvariantCulture, $"{letter.Name}-turned-{degrees}.png"),
            (path, token) => TransformAsync(upright, path, "turn", degrees, token),
            cancellationToken);
    }

    /// <summary>The scan skewed counter-clockwise by <paramref name="degrees"/> (a few degrees, negative is clockwise).</summary>
    internal async Task<string> SkewedAsync(CustomerLetter letter, int degrees, CancellationToken cancellationToken)
    {
        var upright = await UprightAsync(letter, cancellationToken);
        return await MakeOnceAsync(
            string.Create(CultureInfo.InvariantCulture, $"{letter.Name}-skewed{degrees:+0;-0}.png"),
            (path, token) => TransformAsync(upright, path, "skew", degrees, token),
            cancellationToken);
    }

    public void Dispose()
    {
        makeOneAtATime.Dispose();
        directory.Dispose();
    }

    private async Task<string> MakeOnceAsync(string fileName, Func<string, CancellationToken, Task> make, CancellationToken cancellationToken)
    {
        var path = directory.Combine(fileName);
        await makeOneAtATime.WaitAsync(cancellationToken);
        try
        {
            if (!File.Exists(path))
            {
                await make(path, cancellationToken);
            }
        }
        finally
        {
            makeOneAtATime.Release();
        }

        Assert.True(File.Exists(path), $"{fileName} was not made.");
        return path;
    }

    private async Task RenderAsync(CustomerLetter letter, string target, CancellationToken cancellationToken)
    {
        var textFile = directory.Combine(letter.Name + ".txt");
        await File.WriteAllTextAsync(textFile, letter.Text, cancellationToken);
        await ExternalTool.RunAsync(
            "text2image",
            "tesseract-ocr",
            [
                "--text", textFile, "--outputbase", Path.ChangeExtension(target, null), "--font", "Liberation Serif",
                "--fonts_dir", "/usr/share/fonts", "--fontconfig_tmpdir", directory.Path, "--ptsize", "12", "--resolution", "300",
                "--degrade_image=false", "--rotate_image=false",
            ],
            null,
            cancellationToken);
    }

    /// <summary>
    /// Turns (exactly, the 1-bit page by quarter turns) or skews (resampled to grey with white corners, like a scan)
    /// the page with leptonica, the same library the scanner-side code uses.
    /// </summary>
    private static Task TransformAsync(string source, string target, string kind, int degrees, CancellationToken cancellationToken)
    {
        const int RotateByAreaMapping = 1;
        const int BringInWhite = 1;
        const int Png = 3;
        cancellationToken.ThrowIfCancellationRequested();
        using var page = LeptonicaNative.pixRead(source);
        Assert.False(page.IsInvalid, $"leptonica could not read {source}");
        if (kind == "turn")
        {
            // pixRotateOrth turns clockwise by quarters; the degrees here are counter-clockwise.
            using var turned = LeptonicaNative.pixRotateOrth(page, (4 - (degrees / 90)) % 4);
            Assert.Equal(0, LeptonicaNative.pixWrite(target, turned, Png));
        }
        else
        {
            using var grey = LeptonicaNative.pixConvertTo8(page, 0);
            using var skewed = LeptonicaNative.pixRotate(
                grey, (float)(-degrees * Math.PI / 180), RotateByAreaMapping, BringInWhite,
                LeptonicaNative.pixGetWidth(grey), LeptonicaNative.pixGetHeight(grey));
            Assert.False(skewed.IsInvalid, "leptonica could not skew the page");
            Assert.Equal(0, LeptonicaNative.pixWrite(target, skewed, Png));
        }

        return Task.CompletedTask;
    }
}
