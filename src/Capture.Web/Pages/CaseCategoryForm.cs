using Capture.Web.Cases;

namespace Capture.Web.Pages;

/// <summary>
/// The case page's form to correct the category, for those who may change the case. The store keeps each correction as
/// a training example, so the classifier learns from it at its next retraining.
/// </summary>
internal static class CaseCategoryForm
{
    public static void Write(HttpContext context, Html body, CaseView view)
    {
        body.Append($"""
            <form class="category" method="post" action="{Layout.CasePath(view.RegistrationNumber)}/category">{Layout.AntiforgeryField(context)}
            <label>Category <select name="category">
            """);
        foreach (var word in CaseChanges.Categories.Keys)
        {
            var selected = word == view.Category ? new HtmlMarkup(" selected") : default;
            body.Append($"""<option value="{word}"{selected}>{word}</option>""");
        }

        body.Append($"""</select></label> <label>Why <input name="note"></label> <button type="submit">Correct the category</button></form>""");
    }
}
