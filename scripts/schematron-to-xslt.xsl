<?xml version="1.0" encoding="UTF-8"?>
<!-- Turns an ISO schematron file into an XSLT 3 stylesheet that lists failed assertions as <failed id flag/>: for the dev-only cross-check in scripts/ubl-official-crosscheck.ts. In a pattern the first rule matching a node fires, as in schematron. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:out="urn:x-out"
	xmlns:sch="http://purl.oclc.org/dsdl/schematron" exclude-result-prefixes="sch">
	<xsl:namespace-alias stylesheet-prefix="out" result-prefix="xsl"/>
	<xsl:output indent="yes"/>
	<xsl:template match="sch:schema">
		<out:stylesheet version="3.0">
			<xsl:for-each select="sch:ns"><xsl:namespace name="{@prefix}" select="string(@uri)"/></xsl:for-each>
			<xsl:copy-of select="xsl:*"/>
			<xsl:for-each select="sch:let | sch:pattern/sch:let"><out:variable name="{@name}" select="{@value}"/></xsl:for-each>
			<out:template match="/">
				<result><xsl:for-each select="sch:pattern"><out:apply-templates select="/" mode="p{position()}"/></xsl:for-each></result>
			</out:template>
			<xsl:for-each select="sch:pattern">
				<xsl:variable name="mode" select="'p' || position()"/>
				<xsl:for-each select="sch:rule">
					<out:template match="{@context}" mode="{$mode}" priority="{1000 - position()}">
						<xsl:for-each select="sch:let"><out:variable name="{@name}" select="{@value}"/></xsl:for-each>
						<xsl:for-each select="sch:assert">
							<out:if test="not({@test})"><failed id="{@id}" flag="{(@flag, ../@flag, 'fatal')[1]}"/></out:if>
						</xsl:for-each>
						<xsl:for-each select="sch:report">
							<out:if test="{@test}"><failed id="{@id}" flag="{(@flag, ../@flag, 'fatal')[1]}"/></out:if>
						</xsl:for-each>
						<out:apply-templates select="*" mode="{$mode}"/>
					</out:template>
				</xsl:for-each>
				<out:template match="*" mode="{$mode}" priority="-10"><out:apply-templates select="*" mode="{$mode}"/></out:template>
			</xsl:for-each>
		</out:stylesheet>
	</xsl:template>
</xsl:stylesheet>
