using System.Globalization;

namespace Capture.Classifier.Metadata;

/// <summary>An amount of money mentioned in an item, such as a claimed refund.</summary>
/// <param name="Value">The amount (<c>240 zł</c> is 240, <c>12 000 Ft</c> is 12000, <c>240,50 PLN</c> is 240.50).</param>
/// <param name="Currency">ISO 4217 code: <c>PLN</c>, <c>HUF</c>, <c>GBP</c>, <c>EUR</c>, <c>USD</c>.</param>
public sealed record MoneyAmount(decimal Value, string Currency)
{
    /// <summary>The amount with a full stop as decimal separator and its currency code, e.g. <c>240.50 PLN</c> or <c>12000 HUF</c> (whole amounts without decimals).</summary>
    public override string ToString() => Value == decimal.Truncate(Value)
        ? string.Create(CultureInfo.InvariantCulture, $"{Value:0} {Currency}")
        : string.Create(CultureInfo.InvariantCulture, $"{Value:0.00} {Currency}");
}
