using Capture.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Capture.Web.Tests;

/// <summary>Every page and endpoint names its policy, or says it is open to anyone (only the sign-in page, the intake form and the stylesheet).</summary>
public sealed class EndpointPolicyTests(WebServer server)
{
    [Fact]
    public void EveryEndpoint_NamesAPolicyOrIsOneOfTheFewOpenOnes()
    {
        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        Assert.NotEmpty(endpoints);
        var open = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.RawText ?? endpoint.DisplayName ?? "?";
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                open.Add(route);
                continue;
            }

            Assert.True(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy)), $"{route} names no policy");
        }

        Assert.Equal(["/intake", "/signin", "/static/capture.css"], open.Distinct().Order(StringComparer.Ordinal));
    }
}
