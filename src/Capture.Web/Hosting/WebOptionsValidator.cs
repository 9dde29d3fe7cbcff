using Microsoft.Extensions.Options;

namespace Capture.Web.Hosting;

/// <summary>Stops start-up on a wrong <c>Web:*</c> setting, with every problem's message.</summary>
internal sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
