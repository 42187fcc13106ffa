package org.corpconnect.signin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

@Entity
@Table(name = "admin_user")
@NamedQuery(name = "AdminUser.byName", query = "select u from AdminUser u where u.username = :username")
@NamedQuery(name = "AdminUser.count", query = "select count(u) from AdminUser u")
@NamedQuery(name = "AdminUser.ofAccount", query = "select u from AdminUser u where u.accountId = :accountId order by u.username")
public class AdminUser {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "admin_user_seq")
    @SequenceGenerator(name = "admin_user_seq", sequenceName = "admin_user_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 100, updatable = false)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 500)
    private String passwordHash;

    @Column(nullable = false, length = 20, updatable = false)
    private String role;

    @Column(name = "account_id", updatable = false)
    private Long accountId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected AdminUser() {
        // for JPA
    }

    AdminUser(String username, String passwordHash, AdminRole role, Long accountId, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role.roleName();
        this.accountId = accountId;
        this.createdAt = createdAt;
    }

    String passwordHash() {
        return passwordHash;
    }

    void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    public String username() {
        return username;
    }

    public AdminRole role() {
        return AdminRole.OPERATOR.roleName().equals(role) ? AdminRole.OPERATOR : AdminRole.ADMIN;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The one account of an admin; empty for an operator. */
    public Optional<Long> accountId() {
        return Optional.ofNullable(accountId);
    }

    @Override
    public String toString() {
        return "AdminUser[" + username + ", " + role + "]";
    }
}
