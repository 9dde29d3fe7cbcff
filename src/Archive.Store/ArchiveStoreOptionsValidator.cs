using Microsoft.Extensions.Options;

namespace Archive.Store;

/// <summary>Lets the host stop at start-up on bad archive settings (<c>ValidateOnStart</c>).</summary>
public sealed class ArchiveStoreOptionsValidator : IValidateOptions<ArchiveStoreOptions>
{
    /// <summary>Validates the options with <see cref="ArchiveStoreOptions.Validate(ArchiveStoreOptions)"/>.</summary>
    /// <param name="name">The options name (unused: the archive has one set of options).</param>
    /// <param name="options">The options to check.</param>
    /// <returns>Success, or a failure listing every problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public ValidateOptionsResult Validate(string? name, ArchiveStoreOptions options)
    {
        var errors = ArchiveStoreOptions.Validate(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
