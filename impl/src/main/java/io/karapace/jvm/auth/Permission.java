package io.karapace.jvm.auth;

import java.util.regex.Pattern;

/**
 * One entry of the authfile's {@code permissions}. The resource is a regular expression matched at the
 * start of {@code Config:} or {@code Subject:<name>} only, as Python's {@code re.match} does
 * (Karapace 3.9.0 karapace/auth.py check_resource): {@code Subject:app} also grants {@code Subject:apple}.
 */
public record Permission(String username, Operation operation, Pattern resource) {

    boolean grants(String user, Operation wanted, String resourceName) {
        return username.equals(user) && operation.grants(wanted) && resource.matcher(resourceName).lookingAt();
    }

    @Override
    public String toString() {
        return username + " " + operation.fileName() + " " + resource.pattern();
    }
}
