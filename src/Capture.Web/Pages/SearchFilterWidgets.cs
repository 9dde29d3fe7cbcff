
namespace Capture.Web.Pages;

/// <summary>The filter boxes under the query box, filled in with the filters of the search shown.</summary>
internal static class SearchFilterWidgets
{
    public static void Write(Html body, SearchFilters filters)
    {
        body.Append($"""
            <fieldset class="filters"><legend>Filters</legend>
            <label>E-mail <input name="email" type="text" value="{filters.Email}"></label>
            <label>Contact name <input name="name" type="text" value="{filters.Name}"></label>
            <label>Handler <input name="handler" type="text" value="{filters.Handler}" placeholder="login"></label>
            {Select("status", "Status", ArchiveWords.Statuses.Keys, filters.Status)}
            {Select("category", "Category", SearchFilters.Categories, filters.Category)}
            {Select("lang", "Language", SearchFilters.Languages, filters.Lang)}
            <label>Waiting more than <input name="waiting" type="number" min="0" step="1" value="{filters.Waiting}"> days</label>
            <label><input name="alert" type="checkbox" value="due"{(string.Equals(filters.Alert, "due", StringComparison.OrdinalIgnoreCase) ? new HtmlMarkup(" checked") : default)}> Alert due</label>
            <span class="range">Received <label>from <input name="from" type="date" value="{filters.From}"></label> <label>to <input name="to" type="date" value="{filters.To}"></label></span>
            </fieldset>
            """);
    }

    private static HtmlMarkup Select(string name, string label, IEnumerable<string> words, string? chosen)
    {
        var html = new Html();
        html.Append($"""<label>{label} <select name="{name}"><option value="">any</option>""");
        foreach (var word in words)
        {
            var selected = string.Equals(word, chosen?.Trim(), StringComparison.OrdinalIgnoreCase) ? new HtmlMarkup(" selected") : default;
            html.Append($"""<option value="{word}"{selected}>{word}</option>""");
        }

        html.Append($"</select></label>");
        return html.ToMarkup();
    }
}
