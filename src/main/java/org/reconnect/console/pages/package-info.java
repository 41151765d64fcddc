/**
 * The coach console's pages: server-rendered Thymeleaf with htmx for the live parts, over the
 * same services as the REST API. Part of the console module; templates in resources/templates.
 */
package org.reconnect.console.pages;
