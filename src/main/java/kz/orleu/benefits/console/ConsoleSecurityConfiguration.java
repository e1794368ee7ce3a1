package kz.orleu.benefits.console;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Form login at {@code /login} for the users of the users file; every page needs a signed-in user, and every
 * POST (restart, stop, abandon, run again) an OPERATOR, with Spring Security's CSRF token. OIDC login is the
 * documented alternative (README, Console): {@code oauth2Login} in place of {@code formLogin}.
 */
@Configuration
@EnableWebSecurity
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ConsoleSecurityConfiguration {

    @Bean
    SecurityFilterChain consoleSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/console/**", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/**").hasRole(ConsoleRole.OPERATOR.name())
                        .requestMatchers("/*/*/confirm/**").hasRole(ConsoleRole.OPERATOR.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/executions", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut").permitAll());
        return http.build();
    }

    @Bean
    PasswordEncoder consolePasswordEncoder() {
        // Understands the {bcrypt} and {noop} prefixes of the users file.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    InMemoryUserDetailsManager consoleUsers(ConsoleProperties properties) {
        List<ConsoleUser> users = ConsoleUsers.read(properties.users());
        return new InMemoryUserDetailsManager(users.stream().map(user -> (UserDetails) User
                .withUsername(user.username()).password(user.passwordHash()).roles(user.role().name()).build())
                .toList());
    }
}
