package kz.orleu.benefits.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that run the job inside one Spring context, on a database of their own on the test JVM's
 * embedded PostgreSQL (so their history starts empty).
 */
@SpringBootTest
public abstract class DatabaseJobTest {

    private static final String DATABASE = TestDatabase.freshDatabase("job_tests");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("benefits.db-url", () -> DATABASE);
        registry.add("benefits.db-user", TestDatabase::user);
        registry.add("benefits.db-password", TestDatabase::password);
    }
}
