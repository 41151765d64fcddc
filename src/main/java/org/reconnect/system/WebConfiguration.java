package org.reconnect.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Twilio brings jackson-dataformat-xml (Jackson 2), which Spring still registers as an XML converter
 * when Jackson 3's is absent, and which would make the API answer browsers in XML; the API speaks
 * JSON only (STACK.md trap 3).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
		converters.configureMessageConvertersList(list -> list.removeIf(WebConfiguration::writesXml));
	}

	private static boolean writesXml(HttpMessageConverter<?> converter) {
		return converter.getSupportedMediaTypes()
			.stream()
			.anyMatch(type -> MediaType.APPLICATION_XML.equalsTypeAndSubtype(type) || MediaType.TEXT_XML.equalsTypeAndSubtype(type));
	}
}
