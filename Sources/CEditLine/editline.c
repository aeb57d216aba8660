/*
 * editline.c: libedit, opened when the prompt first needs it.
 *
 * A process that only runs `-c` or a script never maps libedit, libtinfo,
 * libbsd and libmd, nor pays for their relocations (see shim.h). The table
 * of functions is written once, under pthread_once, and only read after.
 */
#include "shim.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>

/* Each pointer has the type of the function it stands for, from <histedit.h>. */
static struct {
    __typeof__(el_init) *el_init;
    __typeof__(el_end) *el_end;
    __typeof__(el_set) *el_set;
    __typeof__(el_wset) *el_wset;
    __typeof__(el_get) *el_get;
    __typeof__(el_wgets) *el_wgets;
    __typeof__(el_wline) *el_wline;
    __typeof__(el_winsertstr) *el_winsertstr;
    __typeof__(el_deletestr) *el_deletestr;
    __typeof__(el_cursor) *el_cursor;
    __typeof__(el_resize) *el_resize;
    __typeof__(history_winit) *history_winit;
    __typeof__(history_w) *history_w;
    __typeof__(history_wend) *history_wend;
} editline;

static pthread_once_t editline_once = PTHREAD_ONCE_INIT;
static int editline_opened;
static char editline_reason[256];

/*
 * The names Debian and most distributions give the library: the versioned
 * name the package installs, then the development link.
 */
static const char *const editline_names[] = {"libedit.so.2", "libedit.so", "libedit.so.0"};

static void editline_note(const char *reason) {
    (void)snprintf(editline_reason, sizeof editline_reason, "%s", reason ? reason : "unknown error");
}

static void editline_load(void) {
    void *handle = NULL;
    /* STEPPE_LIBEDIT names the library to open instead, for a system whose
       libedit has another name or place. */
    const char *chosen = getenv("STEPPE_LIBEDIT");
    if (chosen != NULL && chosen[0] != '\0') {
        handle = dlopen(chosen, RTLD_NOW | RTLD_LOCAL);
        if (handle == NULL) editline_note(dlerror());
    } else {
        for (size_t i = 0; i < sizeof editline_names / sizeof editline_names[0] && handle == NULL; i++) {
            handle = dlopen(editline_names[i], RTLD_NOW | RTLD_LOCAL);
            /* The first name's reason is the one worth telling (it is the usual file). */
            if (handle == NULL && i == 0) editline_note(dlerror());
        }
    }
    if (handle == NULL) return;
#define FIND(name)                                                  \
    do {                                                            \
        editline.name = (__typeof__(editline.name))dlsym(handle, #name); \
        if (editline.name == NULL) {                                \
            editline_note(dlerror());                               \
            (void)dlclose(handle);                                  \
            return;                                                 \
        }                                                           \
    } while (0)
    FIND(el_init);
    FIND(el_end);
    FIND(el_set);
    FIND(el_wset);
    FIND(el_get);
    FIND(el_wgets);
    FIND(el_wline);
    FIND(el_winsertstr);
    FIND(el_deletestr);
    FIND(el_cursor);
    FIND(el_resize);
    FIND(history_winit);
    FIND(history_w);
    FIND(history_wend);
#undef FIND
    editline_opened = 1;
}

int steppe_editline_open(char *reason, size_t size) {
    (void)pthread_once(&editline_once, editline_load);
    if (!editline_opened && reason != NULL && size > 0) {
        (void)snprintf(reason, size, "%s", editline_reason);
    }
    return editline_opened;
}

/* MARK: - EditLine */

EditLine *steppe_el_init(const char *program) {
    return editline.el_init(program, stdin, stdout, stderr);
}

void steppe_el_end(EditLine *el) { editline.el_end(el); }

int steppe_el_set_prompt(EditLine *el, wchar_t *(*prompt)(EditLine *)) {
    return editline.el_wset(el, EL_PROMPT_ESC, prompt, (wchar_t)1);
}

int steppe_el_set_editor(EditLine *el, const char *mode) {
    return editline.el_set(el, EL_EDITOR, mode);
}

int steppe_el_set_signal(EditLine *el, int handle) {
    return editline.el_set(el, EL_SIGNAL, handle);
}

int steppe_el_add_function(EditLine *el, const char *name, const char *help,
                           unsigned char (*function)(EditLine *, int)) {
    return editline.el_set(el, EL_ADDFN, name, help, function);
}

int steppe_el_bind(EditLine *el, const char *keys, const char *command) {
    return editline.el_set(el, EL_BIND, keys, command, (const char *)NULL);
}

int steppe_el_set_clientdata(EditLine *el, void *data) {
    return editline.el_set(el, EL_CLIENTDATA, data);
}

void *steppe_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (editline.el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

int steppe_el_set_history(EditLine *el, HistoryW *history) {
    return editline.el_wset(el, EL_HIST, editline.history_w, history);
}

int steppe_el_set_getc(EditLine *el, int (*getc)(EditLine *, wchar_t *)) {
    return editline.el_wset(el, EL_GETCFN, getc);
}

int steppe_el_prep_term(EditLine *el, int raw) {
    return editline.el_set(el, EL_PREP_TERM, raw);
}

int steppe_el_redraw(EditLine *el) {
    return editline.el_set(el, EL_REFRESH);
}

const wchar_t *steppe_el_wgets(EditLine *el, int *count) { return editline.el_wgets(el, count); }

const LineInfoW *steppe_el_wline(EditLine *el) { return editline.el_wline(el); }

int steppe_el_winsertstr(EditLine *el, const wchar_t *text) { return editline.el_winsertstr(el, text); }

void steppe_el_deletestr(EditLine *el, int count) { editline.el_deletestr(el, count); }

int steppe_el_cursor(EditLine *el, int offset) { return editline.el_cursor(el, offset); }

void steppe_el_resize(EditLine *el) { editline.el_resize(el); }

/* MARK: - History */

HistoryW *steppe_history_init(int capacity) {
    HistoryW *history = editline.history_winit();
    if (history == NULL) return NULL;
    HistEventW event;
    (void)editline.history_w(history, &event, H_SETSIZE, capacity);
    return history;
}

int steppe_history_enter(HistoryW *history, const wchar_t *entry) {
    HistEventW event;
    return editline.history_w(history, &event, H_ENTER, entry);
}

void steppe_history_end(HistoryW *history) { editline.history_wend(history); }
