/**
 * Runners: other recommender libraries run in their own process, spoken to over stdin/stdout with the JSON-lines
 * protocol of docs/runner-protocol.md. No socket is ever opened.
 */
package dev.retort.rec.runner;
