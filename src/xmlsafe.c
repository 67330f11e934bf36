/* xmlsafe — see xmlsafe.h.  The untrusted parse: libxml2's parser with the safe
 * options, SAX hooks that refuse entity declarations, and an error hook that says
 * libxml2's messages through diag with the document's name. */
#include "xmlsafe.h"

#include "diag.h"

#include <libxml/SAX2.h>
#include <libxml/hash.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

/* One parse, reached from the parser context (ctxt->_private). */
typedef struct parse {
    const bg_xml_opts *opts;
    const char *refusal;
    int errors;  /* errors said here */
    int refused; /* an entity was declared: the document is not usable */
} parse;

static void say_refusal(parse *p, long line, const char *entity) {
    if (p->opts->flags & BG_XML_REFUSAL_NO_LINE)
        line = 0;
    bg_error(p->opts->name, line, p->refusal, entity);
    p->errors++;
    p->refused = 1;
}

/* The first declaration is refused and the parse stops, so nothing of the entity is
 * ever expanded. */
static void refuse_entity(void *ctx, const xmlChar *name, int type, const xmlChar *public_id, const xmlChar *system_id,
                          xmlChar *content) {
    (void)type, (void)public_id, (void)system_id, (void)content;
    xmlParserCtxtPtr ctxt = ctx;
    parse *p = ctxt->_private;
    if (!p->refused)
        say_refusal(p, ctxt->input ? ctxt->input->line : 0, (const char *)name);
    xmlStopParser(ctxt);
}

static void refuse_unparsed_entity(void *ctx, const xmlChar *name, const xmlChar *public_id, const xmlChar *system_id,
                                   const xmlChar *notation) {
    (void)notation;
    refuse_entity(ctx, name, 0, public_id, system_id, NULL);
}

/* libxml2's message for `e`, with the document's name and the line libxml2 gives. */
static void said(void *ctx, xmlErrorPtr e) {
    xmlParserCtxtPtr ctxt = ctx;
    parse *p = ctxt ? ctxt->_private : NULL;
    char msg[1024];
    if (!p || !e)
        return;
    if (p->opts->flags & BG_XML_LIBXML2_WORDS) {
        if (e->level == XML_ERR_NONE)
            return;
        snprintf(msg, sizeof msg, "%s", e->message ? e->message : "XML error");
        size_t n = strlen(msg);
        while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
            msg[--n] = '\0';
    } else if (!bg_diag_xml_message(e, msg, sizeof msg)) {
        return;
    }
    if (e->level == XML_ERR_WARNING) {
        bg_warn(p->opts->name, e->line, "%s", msg);
    } else {
        bg_error(p->opts->name, e->line, "%s", msg);
        p->errors++;
    }
}

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri, int nb_namespaces,
                     const xmlChar **namespaces, int nb_attributes, int nb_defaulted, const xmlChar **attributes) {
    xmlParserCtxtPtr ctxt = ctx;
    const parse *p = ctxt->_private;
    xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes, nb_defaulted,
                          attributes);
    if (p->opts->opened)
        p->opts->opened(ctxt, ctxt->node, p->opts->user);
}

static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri) {
    xmlParserCtxtPtr ctxt = ctx;
    const parse *p = ctxt->_private;
    if (p->opts->closing)
        p->opts->closing(ctxt, ctxt->node, p->opts->user);
    xmlSAX2EndElementNs(ctx, localname, prefix, uri);
}

static void first_name(void *payload, void *data, const xmlChar *name) {
    (void)payload;
    const xmlChar **first = data;
    if (!*first)
        *first = name;
}

/* The name of an entity the DTD of `doc` holds, or NULL.  The hooks above keep every
 * declaration out of it; this is the check that they did. */
static const xmlChar *declared_entity(xmlDocPtr doc) {
    xmlDtdPtr dtd = xmlGetIntSubset(doc);
    const xmlChar *name = NULL;
    if (dtd && dtd->entities)
        xmlHashScan(dtd->entities, first_name, &name);
    if (dtd && dtd->pentities && !name)
        xmlHashScan(dtd->pentities, first_name, &name);
    return name;
}

xmlDocPtr bg_xml_parse(const char *data, size_t len, const bg_xml_opts *opts, int *errors) {
    parse p = {opts, opts->refusal ? opts->refusal : BG_XML_REFUSAL_BRIEF, 0, 0};
    xmlDocPtr doc = NULL;
    xmlParserCtxtPtr ctxt = len <= INT_MAX ? xmlNewParserCtxt() : NULL;
    if (len > INT_MAX) {
        bg_error(opts->name, 0, "too large to parse (%zu bytes)", len);
        p.errors++;
    } else if (!ctxt) {
        bg_error(opts->name, 0, "out of memory");
        p.errors++;
    } else {
        ctxt->_private = &p;
        ctxt->sax->entityDecl = refuse_entity;
        ctxt->sax->unparsedEntityDecl = refuse_unparsed_entity;
        ctxt->sax->serror = said;
        if (opts->opened || opts->closing) {
            ctxt->sax->startElementNs = on_start;
            ctxt->sax->endElementNs = on_end;
        }
        doc = xmlCtxtReadMemory(ctxt, data, (int)len, opts->name, NULL, BG_XML_SAFE_OPTIONS);
        const xmlChar *entity = doc && !p.refused ? declared_entity(doc) : NULL;
        if (entity)
            say_refusal(&p, 0, (const char *)entity);
        if (doc && (p.refused || !ctxt->wellFormed)) {
            xmlFreeDoc(doc);
            doc = NULL;
        }
        xmlFreeParserCtxt(ctxt);
    }
    if (errors)
        *errors = p.errors;
    return doc;
}

xmlDocPtr bg_xml_parse_untrusted(const char *data, int size, const char *name) {
    bg_xml_opts opts = {.name = name};
    /* The diag count, not bg_xml_parse's: libxml2 says a few problems (an encoding it
     * cannot convert, out of memory) without naming the parser, through the thread's
     * global handler, where only the count sees them. */
    int errors_before = bg_diag_errors();
    xmlDocPtr doc = bg_xml_parse(data, size > 0 ? (size_t)size : 0, &opts, NULL);
    if (!doc && bg_diag_errors() == errors_before)
        bg_error(name, 0, "not a well-formed XML document");
    return doc;
}

static void ignore_error(void *ctx, xmlErrorPtr e) { (void)ctx, (void)e; }

xmlTextReaderPtr bg_xml_reader_for_fd(int fd, const char *name) {
    xmlTextReaderPtr r = xmlReaderForFd(fd, name, NULL, BG_XML_SAFE_OPTIONS);
    if (r)
        xmlTextReaderSetStructuredErrorHandler(r, ignore_error, NULL);
    return r;
}
