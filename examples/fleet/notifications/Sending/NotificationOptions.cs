namespace Acme.Notifications.Sending;

/// <summary>Typed view over the environment: the only place configuration is read.</summary>
public sealed record NotificationOptions(string Port, string RedisUrl, string OidcAuthority, string SmtpUrl)
{
    public static NotificationOptions FromEnvironment() => new(
        Port: Environment.GetEnvironmentVariable("PORT") ?? "8080",
        RedisUrl: Required("REDIS_URL"),
        OidcAuthority: Required("OIDC_AUTHORITY"),
        SmtpUrl: Required("SMTP_URL"));

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name)
        ?? throw new InvalidOperationException($"{name} must be set");
}
