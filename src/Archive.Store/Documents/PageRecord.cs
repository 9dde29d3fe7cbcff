namespace Archive.Store.Documents;

/// <summary>What is known of one page of an archived document.</summary>
public sealed class PageRecord
{
    /// <summary>1-based page number.</summary>
    public int Number { get; set; }

    /// <summary>True when the page's text was recognised from its image rather than read from a text layer.</summary>
    public bool FromOcr { get; set; }

    /// <summary>Mean word confidence (0..1) of an OCR'd page.</summary>
    public double? Confidence { get; set; }

    /// <summary>Degrees the page image was turned (0, 90, 180 or 270) to make it upright before recognition.</summary>
    public int Rotation { get; set; }

    /// <summary>Degrees of skew corrected before recognition.</summary>
    public double Skew { get; set; }
}
