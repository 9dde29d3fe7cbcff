using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Capture.Testing.Mail;

/// <summary>
/// A throw-away server certificate for <c>localhost</c> and <c>127.0.0.1</c>, made in .NET so the tests need no
/// openssl command line, and the validation callback that trusts this certificate and nothing else.
/// </summary>
internal sealed class SelfSignedCertificate : IDisposable
{
    private SelfSignedCertificate(X509Certificate2 certificate, string privateKeyPem)
    {
        Certificate = certificate;
        PrivateKeyPem = privateKeyPem;
    }

    /// <summary>The certificate without its private key: what a client sees and pins.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The certificate in PEM, as a server reads it.</summary>
    public string CertificatePem => Certificate.ExportCertificatePem();

    /// <summary>The private key in PKCS#8 PEM.</summary>
    public string PrivateKeyPem { get; }

    /// <summary>Makes a new ECDSA P-256 certificate valid from yesterday for 30 days.</summary>
    public static SelfSignedCertificate Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost, O=Capture tests", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));

        var now = DateTimeOffset.UtcNow;
        using var withKey = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        return new SelfSignedCertificate(X509CertificateLoader.LoadCertificate(withKey.RawData), key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>
    /// A <see cref="RemoteCertificateValidationCallback"/> that accepts the server only when it presents this very
    /// certificate for the name the client asked for; system roots and any other certificate are refused.
    /// </summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        // The chain is untrusted by design (self-signed); a name mismatch or a missing certificate is still fatal.
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var presented = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var pinned = new X509Chain();
        pinned.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        pinned.ChainPolicy.CustomTrustStore.Add(Certificate);
        pinned.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return pinned.Build(presented);
    }

    public void Dispose() => Certificate.Dispose();
}
