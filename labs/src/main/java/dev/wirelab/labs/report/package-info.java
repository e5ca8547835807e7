/**
 * What the lab writes down: aligned text and Markdown tables, JSON, PNG charts, and the
 * {@code reports/} folder where they go (never overwriting what is there).
 */
package dev.wirelab.labs.report;
