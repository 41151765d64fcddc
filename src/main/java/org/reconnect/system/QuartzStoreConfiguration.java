package org.reconnect.system;

import java.sql.DatabaseMetaData;
import java.util.Properties;

import javax.sql.DataSource;

import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Picks Quartz's JDBC delegate for the store in use: PostgreSQL reads its BYTEA job data only
 * through its own delegate; H2 works with the standard one.
 */
@Configuration(proxyBeanMethods = false)
class QuartzStoreConfiguration {

	@Bean
	SchedulerFactoryBeanCustomizer quartzDelegate(DataSource dataSource, QuartzProperties quartz) {
		return factory -> {
			String product;
			try {
				product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			}
			catch (MetaDataAccessException ex) {
				throw new IllegalStateException("cannot reach the Quartz database", ex);
			}
			// Boot has set the configured properties already; setting them again replaces them all.
			Properties properties = new Properties();
			properties.putAll(quartz.getProperties());
			properties.put("org.quartz.jobStore.driverDelegateClass",
					"PostgreSQL".equalsIgnoreCase(product) ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
							: "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
			factory.setQuartzProperties(properties);
		};
	}
}
