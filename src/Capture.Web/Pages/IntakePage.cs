using System.Globalization;
using System.Net.Mail;
using Capture.Web.Captures;
using Capture.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Capture.Web.Pages;

/// <summary>
/// <c>/intake</c>: the public form on which customers send a complaint, suggestion or thanks with attachments, open to
/// anyone. The post is limited per client (<see cref="WebRateLimits.Intake"/>), carries an anti-forgery token, and is
/// checked before any of it reaches the pipeline: its size as a whole and per file (refused before the body is read
/// when the client announces it), the file types, the fields. File names keep only their last part. The answer shows
/// the new registration number.
/// </summary>
internal static class IntakePage
{
    public const string Path = "/intake";

    /// <summary>Room for the text fields and the multipart framing on top of the files.</summary>
    private const long FieldAllowance = 256 * 1024;

    private static readonly string[] Categories = ["complaint", "suggestion", "thanks"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Show).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(Path, SubmitAsync).AllowAnonymous().RequireRateLimiting(WebRateLimits.Intake).ExcludeFromDescription();
    }

    private static IResult Show(HttpContext context, IOptions<WebOptions> options) => options.Value.Intake.Enabled
        ? Form(context, options.Value.Intake, new IntakeFields("", "", "complaint", ""), null, StatusCodes.Status200OK)
        : Results.NotFound();

    private static async Task<IResult> SubmitAsync(HttpContext context, IAntiforgery antiforgery, ICaptureIntake intake, IOptions<WebOptions> options)
    {
        var limits = options.Value.Intake;
        if (!limits.Enabled)
        {
            return Results.NotFound();
        }

        var empty = new IntakeFields("", "", "complaint", "");
        var bodyLimit = limits.MaxTotalBytes + FieldAllowance + (limits.MaxMessageLength * 4L);
        var tooLarge = $"The submission is larger than {Size(limits.MaxTotalBytes)} in all; attach fewer or smaller files (each at most {Size(limits.MaxFileBytes)}).";
        if (context.Request.ContentLength > bodyLimit)
        {
            return Form(context, limits, empty, tooLarge, StatusCodes.Status413PayloadTooLarge);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = bodyLimit;
        }

        context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions
        {
            MultipartBodyLengthLimit = bodyLimit,
            ValueLengthLimit = (limits.MaxMessageLength * 4) + 1024,
            ValueCountLimit = 32,
        }));
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Form(context, limits, empty, tooLarge, StatusCodes.Status413PayloadTooLarge);
        }
        catch (InvalidDataException)
        {
            return Form(context, limits, empty, tooLarge, StatusCodes.Status413PayloadTooLarge);
        }

        var fields = new IntakeFields(form["name"].ToString().Trim(), form["email"].ToString().Trim(), form["category"].ToString().Trim().ToLowerInvariant(), form["message"].ToString().Trim());
        try
        {
            await antiforgery.ValidateRequestAsync(context).ConfigureAwait(false);
        }
        catch (AntiforgeryValidationException)
        {
            return Form(context, limits, fields, "This form has expired or did not come from this site: reload the page and send it again.", StatusCodes.Status400BadRequest);
        }

        if (Check(fields, limits) is { } problem)
        {
            return Form(context, limits, fields, problem, StatusCodes.Status400BadRequest);
        }

        var attachments = new List<IntakeAttachment>();
        foreach (var file in form.Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)))
        {
            var name = OriginalDownload.SafeFileName(file.FileName);
            if (!limits.Extensions.Contains(System.IO.Path.GetExtension(name).ToLowerInvariant(), StringComparer.Ordinal))
            {
                return Form(context, limits, fields, $"'{name}' is not a kind of file we take; attach {string.Join(", ", limits.Extensions)}.", StatusCodes.Status415UnsupportedMediaType);
            }

            if (file.Length > limits.MaxFileBytes)
            {
                return Form(context, limits, fields, $"'{name}' is larger than {Size(limits.MaxFileBytes)}; attach a smaller file.", StatusCodes.Status413PayloadTooLarge);
            }

            using var copy = new MemoryStream((int)file.Length);
            await file.CopyToAsync(copy, context.RequestAborted).ConfigureAwait(false);
            attachments.Add(new IntakeAttachment(name, string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType, copy.ToArray()));
        }

        if (attachments.Count > limits.MaxFiles)
        {
            return Form(context, limits, fields, string.Create(CultureInfo.InvariantCulture, $"Attach at most {limits.MaxFiles} files."), StatusCodes.Status400BadRequest);
        }

        var result = await intake.SubmitAsync(new IntakeSubmission(fields.Name, fields.Email, fields.Category, fields.Message, attachments), context.RequestAborted).ConfigureAwait(false);
        return Received(context, result);
    }

    private static string? Check(IntakeFields fields, IntakeOptions limits)
    {
        if (fields.Name.Length is 0 or > 200)
        {
            return "Write your name (at most 200 characters).";
        }

        if (fields.Email.Length > 254 || !MailAddress.TryCreate(fields.Email, out var address) || address.Address != fields.Email || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            return "Write the e-mail address we should answer to, e.g. anna@example.com.";
        }

        if (!Categories.Contains(fields.Category, StringComparer.Ordinal))
        {
            return $"Choose what your message is: {string.Join(", ", Categories)}.";
        }

        return fields.Message.Length == 0 || fields.Message.Length > limits.MaxMessageLength
            ? string.Create(CultureInfo.InvariantCulture, $"Write your message (at most {limits.MaxMessageLength} characters).")
            : null;
    }

    private static IResult Received(HttpContext context, CaptureResultView result)
    {
        var body = new Html();
        if (result.RegistrationNumber is { } number)
        {
            body.Append($"""
                <p class="received">Thank you. Your message is registered under the number <strong class="registration">{number}</strong>.</p>
                <p>Please quote this number whenever you write to us about it.</p>
                """);
            return Layout.Page(context, "Message received", body.ToMarkup());
        }

        body.Append($"""<p class="received">Thank you. We have received your message; a member of our staff will look at it and write to you.</p>""");
        return Layout.Page(context, "Message received", body.ToMarkup(), StatusCodes.Status202Accepted);
    }

    private static IResult Form(HttpContext context, IntakeOptions limits, IntakeFields fields, string? problem, int statusCode)
    {
        var body = new Html();
        if (problem is not null)
        {
            body.Append($"""<p class="problem" role="alert">{problem} Nothing was sent.</p>""");
        }

        body.Append($"""
            <form class="intake" method="post" action="{Path}" enctype="multipart/form-data">{Layout.AntiforgeryField(context)}
            <label>Your name <input name="name" value="{fields.Name}" required maxlength="200" autocomplete="name"></label>
            <label>Your e-mail address <input name="email" type="email" value="{fields.Email}" required maxlength="254" autocomplete="email"></label>
            <label>Your message is <select name="category">
            """);
        foreach (var category in Categories)
        {
            var selected = category == fields.Category ? new HtmlMarkup(" selected") : new HtmlMarkup("");
            body.Append($"""<option value="{category}"{selected}>{category}</option>""");
        }

        body.Append($"""
            </select></label>
            <label>Message <textarea name="message" rows="12" cols="80" required maxlength="{limits.MaxMessageLength}">{fields.Message}</textarea></label>
            <label>Attachments <input type="file" name="attachments" multiple accept="{string.Join(",", limits.Extensions)}"></label>
            <p class="meta">Up to {limits.MaxFiles} files ({string.Join(", ", limits.Extensions)}), each at most {Size(limits.MaxFileBytes)}.</p>
            <button type="submit">Send</button>
            </form>
            """);
        return Layout.Page(context, "Write to us", body.ToMarkup(), statusCode);
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");

    private sealed record IntakeFields(string Name, string Email, string Category, string Message);
}
