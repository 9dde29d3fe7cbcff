using System.Globalization;
using Archive.Search.Indexing;
using Capture.Testing;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Archive.Search.Tests;

/// <summary>Stored fields are read a whole compressed chunk at a time, whether a segment is in a compound file or not.</summary>
public sealed class ArchiveDirectoryTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void StoredFields_AreReadThroughAChunkSizedBuffer_AndReadBackWhole(bool compoundFile)
    {
        using var folder = new TempDirectory();
        using var directory = new ArchiveDirectory(folder.Path);
        var texts = Enumerable.Range(0, 200).Select(i => $"letter {i}: " + string.Concat(Enumerable.Repeat($"reklamacja czajnika {i} ", 40))).ToArray();
        WriteOneSegment(directory, texts, compoundFile);

        var segment = SegmentInfos(directory);
        using var compound = compoundFile
            ? new CompoundFileDirectory(directory, IndexFileNames.SegmentFileName(segment, string.Empty, IndexFileNames.COMPOUND_FILE_EXTENSION), IOContext.READ, openForWrite: false)
            : null;
        var files = (Lucene.Net.Store.Directory?)compound ?? directory;
        using (var storedFields = (BufferedIndexInput)files.OpenInput(segment + ".fdt", IOContext.READ))
        using (var terms = (BufferedIndexInput)files.OpenInput(files.ListAll().Single(name => name.EndsWith(".tim", StringComparison.Ordinal)), IOContext.READ))
        {
            Assert.Equal(ArchiveDirectory.StoredFieldsBufferSize, storedFields.BufferSize);
            Assert.Equal(BufferedIndexInput.BUFFER_SIZE, terms.BufferSize);
        }

        using var reader = DirectoryReader.Open(directory);
        foreach (var doc in new[] { 0, 57, 123, 199 })
        {
            Assert.Equal(texts[doc], reader.Document(doc).Get("text", CultureInfo.InvariantCulture));
        }
    }

    private static void WriteOneSegment(ArchiveDirectory directory, string[] texts, bool compoundFile)
    {
        using var analyzer = new WhitespaceAnalyzer(LuceneVersion.LUCENE_48);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)
        {
            UseCompoundFile = compoundFile,
            MergePolicy = compoundFile ? new TieredMergePolicy { NoCFSRatio = 1.0 } : NoMergePolicy.NO_COMPOUND_FILES,
        };
        using var writer = new IndexWriter(directory, config);
        foreach (var text in texts)
        {
            writer.AddDocument(new Document { new TextField("text", text, Field.Store.YES) });
        }

        writer.Commit();
    }

    private static string SegmentInfos(ArchiveDirectory directory)
    {
        var infos = new SegmentInfos();
        infos.Read(directory);
        return Assert.Single(infos.Segments).Info.Name;
    }
}
