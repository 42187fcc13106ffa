package org.corpconnect.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where an account's events go, and the sealed secret(s) they are signed with. */
@Entity
@Table(name = "webhook_endpoint")
@NamedQuery(name = "WebhookEndpoint.ofAccount",
        query = "select e from WebhookEndpoint e where e.accountId = :accountId order by e.createdAt, e.id")
public class WebhookEndpoint {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_endpoint_seq")
    @SequenceGenerator(name = "webhook_endpoint_seq", sequenceName = "webhook_endpoint_seq", allocationSize = 50)
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(nullable = false, length = 2000, updatable = false)
    private String url;

    @Column(name = "secret_ciphertext", nullable = false, length = 1000)
    private String secretCiphertext;

    @Column(name = "previous_secret_ciphertext", length = 1000)
    private String previousSecretCiphertext;

    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected WebhookEndpoint() {
        // for JPA
    }

    WebhookEndpoint(long accountId, URI url, String secretCiphertext, Instant now) {
        this.accountId = accountId;
        this.url = url.toString();
        this.secretCiphertext = secretCiphertext;
        this.createdAt = now;
    }

    /** The new secret signs from now on; the current one too, until {@code previousValidUntil}. */
    void rotate(String newSecretCiphertext, Instant previousValidUntil) {
        previousSecretCiphertext = secretCiphertext;
        previousSecretUntil = previousValidUntil;
        secretCiphertext = newSecretCiphertext;
    }

    /** The sealed secrets that sign a request sent at {@code now}: the current one first. */
    List<String> signingSecretCiphertexts(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secretCiphertext));
        previousSecretValidUntil(now).ifPresent(until -> secrets.add(previousSecretCiphertext));
        return secrets;
    }

    /** Until when the previous secret still signs, if a rotation's grace period is running at {@code now}. */
    public Optional<Instant> previousSecretValidUntil(Instant now) {
        return previousSecretCiphertext != null && previousSecretUntil != null && previousSecretUntil.isAfter(now)
                ? Optional.of(previousSecretUntil) : Optional.empty();
    }

    public long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public URI url() {
        return URI.create(url);
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "WebhookEndpoint[" + id + ", account " + accountId + "]";
    }
}
