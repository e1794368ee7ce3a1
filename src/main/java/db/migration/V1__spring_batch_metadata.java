package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Spring Batch's own metadata schema, run from the script shipped in spring-batch-core so that Flyway owns
 * every table (Flyway cannot run a classpath script of another jar by name).
 */
public class V1__spring_batch_metadata extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        ScriptUtils.executeSqlScript(context.getConnection(),
                new ClassPathResource("org/springframework/batch/core/schema-postgresql.sql"));
    }
}
