using Microsoft.Extensions.Options;

namespace Capture.Worker.Hosting;

/// <summary>Adapts an options type's own <c>Validate()</c> (a list of messages naming the key and the fix) to the options pipeline.</summary>
internal sealed class OptionsValidation<TOptions>(Func<TOptions, IEnumerable<string>> validate) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var failures = validate(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
