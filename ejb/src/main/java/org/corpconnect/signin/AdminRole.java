package org.corpconnect.signin;

/** The two roles of the admin pages; their names are the security roles of the web module. */
public enum AdminRole {
    OPERATOR("operator"), ADMIN("admin");

    private final String roleName;

    AdminRole(String roleName) {
        this.roleName = roleName;
    }

    public String roleName() {
        return roleName;
    }
}
