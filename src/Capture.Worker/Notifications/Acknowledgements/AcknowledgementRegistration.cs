using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Capture.Worker.Notifications.Acknowledgements;

/// <summary>Registers acknowledgements to customers: options (validated with their templates), the policy used at capture, and the sender.</summary>
internal static class AcknowledgementRegistration
{
    /// <summary>Adds the services; the background sender only for the service (<paramref name="service"/>) with acknowledgements on.</summary>
    public static IServiceCollection AddAcknowledgements(this IServiceCollection services, IConfiguration configuration, bool service)
    {
        services.AddOptions<AcknowledgementOptions>().BindConfiguration(AcknowledgementOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AcknowledgementOptions>, AcknowledgementOptionsValidator>();
        services.AddSingleton<AcknowledgementPolicy>();
        services.AddSingleton<AcknowledgementSignal>();
        services.AddSingleton(provider => AcknowledgementTemplates.Load(provider.GetRequiredService<IOptions<AcknowledgementOptions>>().Value));
        services.AddSingleton<AcknowledgementSender>();
        if (service && configuration.GetSection(AcknowledgementOptions.SectionName).GetValue<bool>(nameof(AcknowledgementOptions.Enabled)))
        {
            services.AddHostedService<AcknowledgementService>();
        }

        return services;
    }
}

/// <summary>Checks the settings against the mail server's, and parses the templates, when acknowledgements are on.</summary>
internal sealed class AcknowledgementOptionsValidator(IOptions<SmtpOptions> smtp) : IValidateOptions<AcknowledgementOptions>
{
    public ValidateOptionsResult Validate(string? name, AcknowledgementOptions options)
    {
        var problems = options.Validate(smtp.Value).ToList();
        if (options.Enabled && problems.Count == 0)
        {
            problems.AddRange(AcknowledgementTemplates.Problems(options));
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
