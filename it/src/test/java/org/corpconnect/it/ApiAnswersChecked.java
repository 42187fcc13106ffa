package org.corpconnect.it;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails the test class when an answer the API gave it ({@link Api#send}) differs from the API's
 * OpenAPI document: the document is what front-end developers build on, so every API test checks it
 * with the answers it produced anyway. Runs before the deployment goes (extensions close in reverse).
 */
public class ApiAnswersChecked implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
        // Arquillian also runs the class inside the server, which sends no API requests of its own.
        if (System.getProperty("ear.file") == null) {
            return;
        }
        List<HttpResponse<String>> answers = Api.takeUncheckedAnswers();
        if (answers.isEmpty()) {
            return;
        }
        ApiDocument document = ApiDocument.served();
        List<String> mismatches = answers.stream().flatMap(a -> document.mismatches(a).stream()).distinct().toList();
        if (!mismatches.isEmpty()) {
            throw new AssertionError(mismatches.size() + " API answers differ from the OpenAPI document:\n"
                    + String.join("\n", mismatches));
        }
    }
}
