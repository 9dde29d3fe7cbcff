using Archive.Store.Cases;
using Capture.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Capture.Web.Tests.Browser;

/// <summary>
/// The case page's forms in a real Chromium: a handler adds a reminder, corrects the category and edits the contact on
/// a case of their own, and each change is on the page after the post and in the store; a clerk sees none of the forms.
/// </summary>
/// <remarks>
/// Each post is followed by waiting, up to a minute, for what only the answer page can show (the new reminder row, the
/// new category, the new history row), never by a fixed sleep: the CI machine is small and busy.
/// </remarks>
[Collection(UsesChromium.Name)]
public sealed class CaseFormsBrowserTests(WebServer server, ChromiumBrowser chromium)
{
    private const float Patience = 60_000;

    [Fact]
    public async Task CasePage_TheHandlerAddsAReminder_CorrectsTheCategory_AndEditsTheContact_EachShownAndRecorded()
    {
        const string email = "grace.formfield@example.com";
        var registration = await server.OpenOwnCaseAsync("hanna", "Grace Formfield", email, "+44 7700 900733");
        var opened = server.Store.FindCase(registration)!;
        var corrected = opened.Category == CaseCategory.Complaint ? CaseCategory.Suggestion : CaseCategory.Complaint;
        var correctedWord = corrected.ToString().ToLowerInvariant();
        await using var browser = await chromium.OpenAsync(server);
        var page = browser.Page;
        page.SetDefaultTimeout(Patience);
        await browser.SignInAsync("hanna");
        await browser.GoToAsync($"/cases/{registration}");

        var remind = page.Locator("form.remind");
        await remind.GetByLabel("Remind on").FillAsync("2031-03-14T10:15");
        await remind.GetByLabel("About").FillAsync("Ring Grace about the wishlist");
        await remind.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Add reminder" }).ClickAsync();
        var reminders = page.Locator("section.reminders table");
        await Expect(reminders).ToContainTextAsync("Ring Grace about the wishlist", new LocatorAssertionsToContainTextOptions { Timeout = Patience });
        await Expect(reminders).ToContainTextAsync("2031-03-14 10:15");
        await Expect(reminders).ToContainTextAsync("hanna");
        var reminder = Assert.Single(server.Store.GetReminders(opened.Id));
        Assert.Equal(("Ring Grace about the wishlist", "hanna"), (reminder.Note, reminder.By));

        var category = page.Locator("form.category");
        await category.GetByLabel("Category").SelectOptionAsync(correctedWord);
        await category.GetByLabel("Why").FillAsync("what she describes decides it");
        await category.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Correct the category" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync($"{registration} — {correctedWord}", new LocatorAssertionsToContainTextOptions { Timeout = Patience });
        await Expect(page.Locator("table.history")).ToContainTextAsync("reclassified");
        // What retraining (capture train, the retraining job) reads: the latest decision per case, labelled with its language, over the case's text.
        var correction = Assert.Single(server.Store.ListCorrections(), c => c.RegistrationNumber == registration);
        Assert.Equal((opened.Category, corrected, "hanna", "what she describes decides it", opened.Language), (correction.From, correction.To, correction.By, correction.Note, correction.Language));
        Assert.Contains("shared wishlist", server.Store.ReadText(server.Store.GetDocuments(opened.Id)[0]), StringComparison.Ordinal);

        var contact = page.Locator("form.contact");
        await contact.GetByLabel("Name").FillAsync("Grace Formfield-Hart");
        await contact.GetByLabel("Phone").FillAsync("+44 7700 900999");
        await contact.GetByLabel("Address").FillAsync("12 Mill Lane, Leeds");
        await contact.GetByLabel("Postcode").FillAsync("LS1 4AB");
        await contact.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Save the contact" }).ClickAsync();
        var phoneChange = page.Locator("table.contact-history tr").Filter(new LocatorFilterOptions { HasText = "+44 7700 900999" });
        await Expect(phoneChange).ToContainTextAsync($"hanna ({registration})", new LocatorAssertionsToContainTextOptions { Timeout = Patience });
        await Expect(phoneChange).ToContainTextAsync("+44 7700 900733");
        await Expect(page.Locator("table.history tr").Filter(new LocatorFilterOptions { HasText = "contact-edited" })).ToContainTextAsync("hanna");
        await Expect(contact.GetByLabel("Name")).ToHaveValueAsync("Grace Formfield-Hart");
        await Expect(contact.GetByLabel("Postcode")).ToHaveValueAsync("LS1 4AB");
        var stored = server.Store.FindContact(email)!;
        Assert.Equal(("Grace Formfield-Hart", "+44 7700 900999", "12 Mill Lane, Leeds", "LS1 4AB"), (stored.Name, stored.Phone, stored.Address, stored.Postcode));

        await browser.ScreenshotAsync("case-forms");
        Assert.Empty(browser.RequestsElsewhere);
    }

    [Fact]
    public async Task CasePage_ForAClerk_ShowsTheCaseWithoutAnyForm()
    {
        await using var browser = await chromium.OpenAsync(server);
        browser.Page.SetDefaultTimeout(Patience);
        await browser.SignInAsync("clara");

        await browser.GoToAsync($"/cases/{server.CaseOf(Samples.HannasKettle)}");

        await Expect(browser.Page.Locator("section.reminders")).ToContainTextAsync("Alerts and reminders", new LocatorAssertionsToContainTextOptions { Timeout = Patience });
        await Expect(browser.Page.Locator("section.contact dl")).ToContainTextAsync("sarah.mitchell@example.co.uk");
        await Expect(browser.Page.Locator("main form")).ToHaveCountAsync(0);
        await Expect(browser.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Write a reply to the customer" })).ToHaveCountAsync(0);
    }
}
