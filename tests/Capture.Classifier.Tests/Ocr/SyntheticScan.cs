using System.Diagnostics;
using Capture.Classifier.Ocr;

namespace Capture.Classifier.Tests.Ocr;

/// <summary>Renders known text to a 300 dpi G4 TIFF with Tesseract's <c>text2image</c>, so the ground truth is exact.</summary>
internal static class SyntheticScan
{
    public static async Task<string> RenderAsync(string text, string directory, string name, CancellationToken cancellationToken)
    {
        var textFile = Path.Combine(directory, name + ".txt");
        await File.WriteAllTextAsync(textFile, text, cancellationToken);
        var outputBase = Path.Combine(directory, name);
        var startInfo = new ProcessStartInfo("text2image")
        {
            ArgumentList =
            {
                "--text", textFile, "--outputbase", outputBase, "--font", "DejaVu Sans", "--fonts_dir", "/usr/share/fonts",
                "--ptsize", "12", "--resolution", "300", "--degrade_image=false", "--fontconfig_tmpdir", directory,
            },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = directory,
        };
        Process process;
        try
        {
            process = Process.Start(startInfo)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Skip("text2image (Debian package tesseract-ocr) is not installed.");
            throw;
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            Assert.True(process.ExitCode == 0, $"text2image failed: {await errors}");
        }

        return outputBase + ".tif";
    }

    /// <summary>
    /// Rotates a scan by <paramref name="degrees"/> clockwise with leptonica, on a canvas large enough to lose nothing,
    /// and writes it as PNG: a scan fed into the scanner at a slant.
    /// </summary>
    public static string Rotate(string source, double degrees, string target)
    {
        const int RotateBySampling = 3;
        const int BringInWhite = 1;
        const int Png = 3;
        using var pix = LeptonicaNative.pixRead(source);
        Assert.False(pix.IsInvalid, $"leptonica could not read {source}");
        using var rotated = LeptonicaNative.pixRotate(
            pix, (float)(degrees * Math.PI / 180), RotateBySampling, BringInWhite, LeptonicaNative.pixGetWidth(pix), LeptonicaNative.pixGetHeight(pix));
        Assert.False(rotated.IsInvalid, "leptonica could not rotate the scan");
        Assert.Equal(0, LeptonicaNative.pixWrite(target, rotated, Png));
        return target;
    }

    /// <summary>Joins single-page TIFFs into one multi-page TIFF with leptonica (CCITT G4 for 1-bit pages).</summary>
    public static string JoinPages(string target, params string[] pages)
    {
        const int TiffG4 = 8;
        const int TiffZip = 10;
        for (var i = 0; i < pages.Length; i++)
        {
            using var pix = LeptonicaNative.pixRead(pages[i]);
            Assert.False(pix.IsInvalid, $"leptonica could not read {pages[i]}");
            var compression = LeptonicaNative.pixGetDepth(pix) == 1 ? TiffG4 : TiffZip;
            Assert.Equal(0, LeptonicaNative.pixWriteTiff(target, pix, compression, i == 0 ? "w" : "a"));
        }

        return target;
    }
}
