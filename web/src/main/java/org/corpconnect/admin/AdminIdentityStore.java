package org.corpconnect.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import org.corpconnect.signin.AdminUsers;

/**
 * Checks an admin's password through {@link AdminUsers#signIn}, not the platform's database identity
 * store: that one answers an unknown name at once (a timing oracle for user names) and never renews
 * an old hash. The groups are the role names, mapped to roles in {@code glassfish-web.xml}.
 */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

    @Inject
    private AdminUsers adminUsers;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential password)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return adminUsers.signIn(password.getCaller(), password.getPassword().getValue())
                .map(user -> new CredentialValidationResult(user.username(), Set.of(user.role().roleName())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
