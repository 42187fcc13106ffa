package org.corpconnect.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test on the real server with the simulator as its Exchange: Arquillian, and after the class,
 * a check that every response the simulator sent it validated against Microsoft's schema, and that
 * every answer the API gave it matches the API's OpenAPI document.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ArquillianExtension.class)
@ExtendWith(SimulatorResponsesChecked.class)
@ExtendWith(ApiAnswersChecked.class)
public @interface ServerTest {
}
