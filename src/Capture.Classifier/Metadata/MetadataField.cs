namespace Capture.Classifier.Metadata;

/// <summary>Which part of an item a piece of metadata was read from.</summary>
public enum MetadataLocation
{
    /// <summary>The e-mail envelope (From, Reply-To, Date), a forwarded message's header block, or a labelled header line.</summary>
    Header,

    /// <summary>The running text of the message or letter.</summary>
    Body,

    /// <summary>The top of a letter before its salutation: the sender's and recipient's address blocks, place and date.</summary>
    Letterhead,

    /// <summary>The end of a message or letter from its closing phrase ("Z poważaniem", "Üdvözlettel", "Kind regards") on.</summary>
    Signature,
}

/// <summary>What a <see cref="MetadataField"/> holds.</summary>
public enum MetadataFieldKind
{
    /// <summary>The name of the person who wrote the item.</summary>
    ContactName,

    /// <summary>The writer's e-mail address, lower-cased.</summary>
    Email,

    /// <summary>The writer's phone number, as written.</summary>
    Phone,

    /// <summary>The writer's postal address (street, postcode and town, as far as found).</summary>
    Address,

    /// <summary>The postcode of the writer's postal address (Polish <c>NN-NNN</c>, Hungarian four digits, UK).</summary>
    Postcode,

    /// <summary>The date the letter or message was written (ISO <c>yyyy-MM-dd</c>).</summary>
    LetterDate,

    /// <summary>A date mentioned in the text that is not the letter's own date (ISO <c>yyyy-MM-dd</c>).</summary>
    MentionedDate,

    /// <summary>An order number.</summary>
    Order,

    /// <summary>An invoice number.</summary>
    Invoice,

    /// <summary>A serial number.</summary>
    Serial,

    /// <summary>An insurance policy number.</summary>
    Policy,

    /// <summary>An amount of money with its ISO 4217 currency, e.g. <c>240.50 PLN</c>.</summary>
    Amount,
}

/// <summary>One piece of metadata with how sure the extractor is of it and where in the item it stood.</summary>
/// <param name="Kind">What the value is.</param>
/// <param name="Value">The value in its canonical form (e-mail lower-cased, dates ISO, amounts <c>240.50 PLN</c>).</param>
/// <param name="Confidence">How likely the value is right and belongs to the writer, from 0 to 1.</param>
/// <param name="Location">Where in the item the value was found.</param>
public sealed record MetadataField(MetadataFieldKind Kind, string Value, double Confidence, MetadataLocation Location);
