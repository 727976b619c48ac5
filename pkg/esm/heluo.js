/**
 * One chart on a base canvas (the chart) and an overlay canvas (hover marks),
 * so that moving the pointer never redraws the chart. Every reader action
 * goes through [`apply`](ChartEngine::apply), which draws what changed and
 * returns what [`Changed`].
 */
export class ChartEngine {
    __destroy_into_raw() {
        const ptr = this.__wbg_ptr;
        this.__wbg_ptr = 0;
        ChartEngineFinalization.unregister(this);
        return ptr;
    }
    free() {
        const ptr = this.__destroy_into_raw();
        wasm.wa(ptr, 0);
    }
    /**
     * What the last action said, for the live region.
     * @returns {string}
     */
    get announcement() {
        let deferred1_0;
        let deferred1_1;
        try {
            const ret = wasm.ya(this.__wbg_ptr);
            deferred1_0 = ret[0];
            deferred1_1 = ret[1];
            return getStringFromWasm0(ret[0], ret[1]);
        } finally {
            wasm.kb(deferred1_0, deferred1_1, 1);
        }
    }
    /**
     * A reader action as a plain object tagged by `type`, naming what it
     * acts on: `{type: "pointer", x, y}`, `{type: "pin", village: "王屯村"}`,
     * `{type: "metric", key: "income"}`, `{type: "legend", series: "全国"}`
     * (see `Request`). Draws what changed and returns it (an object of named
     * flags). Throws an `Error` naming the wrong field, or saying why the
     * action does not apply to this chart.
     * @param {any} action
     * @returns {any}
     */
    apply(action) {
        const ret = wasm.za(this.__wbg_ptr, action);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * The controls the chart wants shown: `[{type: "legend"|"select"|"button"|"search", …}]`,
     * each with its label, state and the action (a `Request`) it sends.
     * @returns {any}
     */
    controls() {
        const ret = wasm.Aa(this.__wbg_ptr);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * What the chart shows, in sentences.
     * @returns {string}
     */
    get description() {
        let deferred1_0;
        let deferred1_1;
        try {
            const ret = wasm.Ba(this.__wbg_ptr);
            deferred1_0 = ret[0];
            deferred1_1 = ret[1];
            return getStringFromWasm0(ret[0], ret[1]);
        } finally {
            wasm.kb(deferred1_0, deferred1_1, 1);
        }
    }
    /**
     * Draws the current view on `canvas` at `scale` (2 for a 2× PNG export).
     * @param {HTMLCanvasElement} canvas
     * @param {number} scale
     */
    drawTo(canvas, scale) {
        const ret = wasm.Ca(this.__wbg_ptr, canvas, scale);
        if (ret[1]) {
            throw takeFromExternrefTable0(ret[0]);
        }
    }
    /**
     * @returns {number | undefined}
     */
    get focusTop() {
        const ret = wasm.Da(this.__wbg_ptr);
        return ret[0] === 0 ? undefined : ret[1];
    }
    /**
     * Height in CSS px.
     * @returns {number}
     */
    get height() {
        const ret = wasm.Ea(this.__wbg_ptr);
        return ret;
    }
    /**
     * A key press (`KeyboardEvent.key`): what changed, or `undefined` when
     * the chart does not use the key.
     * @param {string} key
     * @returns {any}
     */
    key(key) {
        const ptr0 = passStringToWasm0(key, wasm.ib, wasm.jb);
        const len0 = WASM_VECTOR_LEN;
        const ret = wasm.Fa(this.__wbg_ptr, ptr0, len0);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * Which keys work on this chart.
     * @returns {string}
     */
    get keys() {
        let deferred1_0;
        let deferred1_1;
        try {
            const ret = wasm.Ga(this.__wbg_ptr);
            deferred1_0 = ret[0];
            deferred1_1 = ret[1];
            return getStringFromWasm0(ret[0], ret[1]);
        } finally {
            wasm.kb(deferred1_0, deferred1_1, 1);
        }
    }
    /**
     * @returns {string}
     */
    get kind() {
        let deferred1_0;
        let deferred1_1;
        try {
            const ret = wasm.Ha(this.__wbg_ptr);
            deferred1_0 = ret[0];
            deferred1_1 = ret[1];
            return getStringFromWasm0(ret[0], ret[1]);
        } finally {
            wasm.kb(deferred1_0, deferred1_1, 1);
        }
    }
    /**
     * "zh-CN" or "en".
     * @returns {string}
     */
    get lang() {
        let deferred1_0;
        let deferred1_1;
        try {
            const ret = wasm.Ia(this.__wbg_ptr);
            deferred1_0 = ret[0];
            deferred1_1 = ret[1];
            return getStringFromWasm0(ret[0], ret[1]);
        } finally {
            wasm.kb(deferred1_0, deferred1_1, 1);
        }
    }
    /**
     * The metric shown, by key ("" for a trend): for embed code of this view.
     * @returns {string}
     */
    get metricKey() {
        let deferred1_0;
        let deferred1_1;
        try {
            const ret = wasm.Ja(this.__wbg_ptr);
            deferred1_0 = ret[0];
            deferred1_1 = ret[1];
            return getStringFromWasm0(ret[0], ret[1]);
        } finally {
            wasm.kb(deferred1_0, deferred1_1, 1);
        }
    }
    /**
     * One chart of `dataset` on two canvases, from one options object
     * (see `EngineOptions`): `{chart: "ranking", canvas, overlay, width: 640,
     * scale: devicePixelRatio, theme: "dark", lang: "en", metric: "income",
     * top: 10, title, colors}`. Throws an `Error` naming a wrong option.
     * @param {DatasetHandle} dataset
     * @param {any} options
     */
    constructor(dataset, options) {
        _assertClass(dataset, DatasetHandle);
        const ret = wasm.Ka(dataset.__wbg_ptr, options);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        this.__wbg_ptr = ret[0];
        ChartEngineFinalization.register(this, this.__wbg_ptr, this);
        return this;
    }
    /**
     * The top of the focused item (a pinned bar) in CSS px, to scroll to it.
     * Ranking: the pinned villages' names, in the order they were pinned.
     * @returns {string[]}
     */
    get pins() {
        const ret = wasm.La(this.__wbg_ptr);
        var v1 = getArrayJsValueFromWasm0(ret[0], ret[1]);
        wasm.kb(ret[0], ret[1] * 4, 4);
        return v1;
    }
    /**
     * Lays out for `width` CSS px at `scale` and redraws; returns what changed.
     * @param {number} width
     * @param {number} scale
     * @returns {any}
     */
    resize(width, scale) {
        const ret = wasm.Ma(this.__wbg_ptr, width, scale);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * "interactive line chart", for `aria-roledescription`.
     * @returns {string}
     */
    get role() {
        let deferred1_0;
        let deferred1_1;
        try {
            const ret = wasm.Na(this.__wbg_ptr);
            deferred1_0 = ret[0];
            deferred1_1 = ret[1];
            return getStringFromWasm0(ret[0], ret[1]);
        } finally {
            wasm.kb(deferred1_0, deferred1_1, 1);
        }
    }
    /**
     * The current view as a standalone SVG document.
     * @returns {string}
     */
    svg() {
        let deferred2_0;
        let deferred2_1;
        try {
            const ret = wasm.Oa(this.__wbg_ptr);
            var ptr1 = ret[0];
            var len1 = ret[1];
            if (ret[3]) {
                ptr1 = 0; len1 = 0;
                throw takeFromExternrefTable0(ret[2]);
            }
            deferred2_0 = ptr1;
            deferred2_1 = len1;
            return getStringFromWasm0(ptr1, len1);
        } finally {
            wasm.kb(deferred2_0, deferred2_1, 1);
        }
    }
    /**
     * The chart's data: `{caption, columns, numeric, rows}`, every cell a string.
     * @returns {any}
     */
    table() {
        const ret = wasm.Pa(this.__wbg_ptr);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * @returns {string}
     */
    get title() {
        let deferred1_0;
        let deferred1_1;
        try {
            const ret = wasm.Qa(this.__wbg_ptr);
            deferred1_0 = ret[0];
            deferred1_1 = ret[1];
            return getStringFromWasm0(ret[0], ret[1]);
        } finally {
            wasm.kb(deferred1_0, deferred1_1, 1);
        }
    }
    /**
     * The tooltip `{heading, rows: [{label, value, color?}], x, y, announcement}` or `null`.
     * @returns {any}
     */
    tooltip() {
        const ret = wasm.Ra(this.__wbg_ptr);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * Draws frame `t` (0–1) of a pending re-sort; returns false once it is over.
     * @param {number} t
     * @returns {boolean}
     */
    transition(t) {
        const ret = wasm.Sa(this.__wbg_ptr, t);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return ret[0] !== 0;
    }
    /**
     * Trend: `[from, to]`, the years zoomed to; `undefined` when every year shows.
     * @returns {Int32Array | undefined}
     */
    get zoom() {
        const ret = wasm.Ta(this.__wbg_ptr);
        let v1;
        if (ret[0] !== 0) {
            v1 = getArrayI32FromWasm0(ret[0], ret[1]).slice();
            wasm.kb(ret[0], ret[1] * 4, 4);
        }
        return v1;
    }
}
if (Symbol.dispose) ChartEngine.prototype[Symbol.dispose] = ChartEngine.prototype.free;

/**
 * A parsed, validated dataset.
 */
export class DatasetHandle {
    static __wrap(ptr) {
        const obj = Object.create(DatasetHandle.prototype);
        obj.__wbg_ptr = ptr;
        DatasetHandleFinalization.register(obj, obj.__wbg_ptr, obj);
        return obj;
    }
    __destroy_into_raw() {
        const ptr = this.__wbg_ptr;
        this.__wbg_ptr = 0;
        DatasetHandleFinalization.unregister(this);
        return ptr;
    }
    free() {
        const ptr = this.__destroy_into_raw();
        wasm.xa(ptr, 0);
    }
    /**
     * The chart kinds this dataset has, in page order: "trend", "ranking".
     * @returns {string[]}
     */
    get charts() {
        const ret = wasm.Va(this.__wbg_ptr);
        var v1 = getArrayJsValueFromWasm0(ret[0], ret[1]);
        wasm.kb(ret[0], ret[1] * 4, 4);
        return v1;
    }
    /**
     * The language the dataset's charts are written in: "zh-CN" or "en".
     * @returns {string}
     */
    get lang() {
        let deferred1_0;
        let deferred1_1;
        try {
            const ret = wasm.Wa(this.__wbg_ptr);
            deferred1_0 = ret[0];
            deferred1_1 = ret[1];
            return getStringFromWasm0(ret[0], ret[1]);
        } finally {
            wasm.kb(deferred1_0, deferred1_1, 1);
        }
    }
    /**
     * @returns {string}
     */
    get locale() {
        let deferred1_0;
        let deferred1_1;
        try {
            const ret = wasm.Xa(this.__wbg_ptr);
            deferred1_0 = ret[0];
            deferred1_1 = ret[1];
            return getStringFromWasm0(ret[0], ret[1]);
        } finally {
            wasm.kb(deferred1_0, deferred1_1, 1);
        }
    }
    /**
     * @returns {string | undefined}
     */
    get note() {
        const ret = wasm.Ya(this.__wbg_ptr);
        let v1;
        if (ret[0] !== 0) {
            v1 = getStringFromWasm0(ret[0], ret[1]);
            wasm.kb(ret[0], ret[1] * 1, 1);
        }
        return v1;
    }
    /**
     * The dataset as bytes, for [`dataset_from_snapshot`] in another instance.
     * @returns {Uint8Array}
     */
    snapshot() {
        const ret = wasm.Za(this.__wbg_ptr);
        var v1 = getArrayU8FromWasm0(ret[0], ret[1]).slice();
        wasm.kb(ret[0], ret[1] * 1, 1);
        return v1;
    }
    /**
     * @returns {string | undefined}
     */
    get source() {
        const ret = wasm._a(this.__wbg_ptr);
        let v1;
        if (ret[0] !== 0) {
            v1 = getStringFromWasm0(ret[0], ret[1]);
            wasm.kb(ret[0], ret[1] * 1, 1);
        }
        return v1;
    }
    /**
     * @returns {string | undefined}
     */
    get subtitle() {
        const ret = wasm.$a(this.__wbg_ptr);
        let v1;
        if (ret[0] !== 0) {
            v1 = getStringFromWasm0(ret[0], ret[1]);
            wasm.kb(ret[0], ret[1] * 1, 1);
        }
        return v1;
    }
    /**
     * @returns {string | undefined}
     */
    get title() {
        const ret = wasm.ab(this.__wbg_ptr);
        let v1;
        if (ret[0] !== 0) {
            v1 = getStringFromWasm0(ret[0], ret[1]);
            wasm.kb(ret[0], ret[1] * 1, 1);
        }
        return v1;
    }
}
if (Symbol.dispose) DatasetHandle.prototype[Symbol.dispose] = DatasetHandle.prototype.free;

/**
 * Panics on purpose, so the page's recovery from a crashed instance can be
 * tested end to end (a panic aborts the instance). Not for other uses.
 */
export function __panicForTesting() {
    wasm.va();
}

/**
 * The dataset a worker parsed, from its snapshot ([`DatasetHandle::snapshot`]):
 * how a large file is parsed off the page's thread.
 * @param {Uint8Array | number[]} bytes
 * @returns {DatasetHandle}
 */
export function datasetFromSnapshot(bytes) {
    const ptr0 = passArray8ToWasm0(bytes, wasm.ib);
    const len0 = WASM_VECTOR_LEN;
    const ret = wasm.Ua(ptr0, len0);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return DatasetHandle.__wrap(ret[0]);
}

/**
 * `template` (the page's own words, www/page-words.js) with `{0}` and `{1}`
 * replaced by `a` and `b`. A file name comes from the reader's disk, not
 * through `parse`: its bidi controls would reverse the words after it
 * ("无法载入 “…”：…"), so they go as they go from every text of a dataset.
 * NUL is kept: the page marks where the core's detail goes with it.
 * @param {string} template
 * @param {string} a
 * @param {string} b
 * @returns {string}
 */
export function fillText(template, a, b) {
    let deferred4_0;
    let deferred4_1;
    try {
        let ptr0, len0, ptr1, len1, ptr2, len2;
        try {
            ptr0 = passStringToWasm0(template, wasm.ib, wasm.jb);
            len0 = WASM_VECTOR_LEN;
            ptr1 = passStringToWasm0(a, wasm.ib, wasm.jb);
            len1 = WASM_VECTOR_LEN;
            ptr2 = passStringToWasm0(b, wasm.ib, wasm.jb);
            len2 = WASM_VECTOR_LEN;
        } catch (e) {
            if (ptr2) { wasm.kb(ptr2, len2 * 1, 1); }
            if (ptr1) { wasm.kb(ptr1, len1 * 1, 1); }
            if (ptr0) { wasm.kb(ptr0, len0 * 1, 1); }
            throw e;
        }
        const ret = wasm.bb(ptr0, len0, ptr1, len1, ptr2, len2);
        deferred4_0 = ret[0];
        deferred4_1 = ret[1];
        return getStringFromWasm0(ret[0], ret[1]);
    } finally {
        wasm.kb(deferred4_0, deferred4_1, 1);
    }
}

/**
 * The largest file the page reads, in bytes; larger files are refused unread.
 * @returns {number}
 */
export function maxFileBytes() {
    const ret = wasm.cb();
    return ret;
}

/**
 * Parses the bytes of a dataset file; throws an `Error` whose message names
 * what is wrong and where.
 *
 * Text that is not UTF-8 is decoded as GB18030 (a superset of GBK, what
 * Excel and WPS write in China) by the browser's `TextDecoder`, at no cost
 * to the wasm; only if that fails too is the encoding error reported.
 * `lang` ("zh-CN" or "en", English when absent) is the language of the message.
 * @param {Uint8Array | number[]} bytes
 * @param {string | null} [lang]
 * @returns {DatasetHandle}
 */
export function parseDataset(bytes, lang) {
    let ptr0, len0, ptr1, len1;
    try {
        ptr0 = passArray8ToWasm0(bytes, wasm.ib);
        len0 = WASM_VECTOR_LEN;
        ptr1 = isLikeNone(lang) ? 0 : passStringToWasm0(lang, wasm.ib, wasm.jb);
        len1 = WASM_VECTOR_LEN;
    } catch (e) {
        if (ptr1) { wasm.kb(ptr1, len1 * 1, 1); }
        if (ptr0) { wasm.kb(ptr0, len0 * 1, 1); }
        throw e;
    }
    const ret = wasm.db(ptr0, len0, ptr1, len1);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return DatasetHandle.__wrap(ret[0]);
}

/**
 * Reports a panic's message on the console before the module aborts, so the
 * page can say what happened and start a fresh instance.
 */
export function start() {
    wasm.eb();
}

/**
 * A word of the DOM layer, or a sentence filled with `a` and `b`, in `lang`
 * ("zh-CN", "en"): its words come from the same place as the chart's. Keys:
 * see `text::CHART_KEYS` (`downloadPng`, `withUnit` with a: label and b: unit, …).
 * @param {string} lang
 * @param {string} key
 * @param {string} a
 * @param {string} b
 * @returns {string}
 */
export function text(lang, key, a, b) {
    let deferred5_0;
    let deferred5_1;
    try {
        let ptr0, len0, ptr1, len1, ptr2, len2, ptr3, len3;
        try {
            ptr0 = passStringToWasm0(lang, wasm.ib, wasm.jb);
            len0 = WASM_VECTOR_LEN;
            ptr1 = passStringToWasm0(key, wasm.ib, wasm.jb);
            len1 = WASM_VECTOR_LEN;
            ptr2 = passStringToWasm0(a, wasm.ib, wasm.jb);
            len2 = WASM_VECTOR_LEN;
            ptr3 = passStringToWasm0(b, wasm.ib, wasm.jb);
            len3 = WASM_VECTOR_LEN;
        } catch (e) {
            if (ptr3) { wasm.kb(ptr3, len3 * 1, 1); }
            if (ptr2) { wasm.kb(ptr2, len2 * 1, 1); }
            if (ptr1) { wasm.kb(ptr1, len1 * 1, 1); }
            if (ptr0) { wasm.kb(ptr0, len0 * 1, 1); }
            throw e;
        }
        const ret = wasm.fb(ptr0, len0, ptr1, len1, ptr2, len2, ptr3, len3);
        deferred5_0 = ret[0];
        deferred5_1 = ret[1];
        return getStringFromWasm0(ret[0], ret[1]);
    } finally {
        wasm.kb(deferred5_0, deferred5_1, 1);
    }
}
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        ha: function(arg0, arg1) {
            const ret = Error(getStringFromWasm0(arg0, arg1));
            return ret;
        },
        ga: function(arg0) {
            const ret = Number(arg0);
            return ret;
        },
        la: function(arg0) {
            const v = arg0;
            const ret = typeof(v) === 'boolean' ? v : undefined;
            return isLikeNone(ret) ? 0xFFFFFF : ret ? 1 : 0;
        },
        pa: function(arg0, arg1) {
            const ret = debugString(arg1);
            const ptr1 = passStringToWasm0(ret, wasm.ib, wasm.jb);
            const len1 = WASM_VECTOR_LEN;
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
        },
        da: function(arg0, arg1) {
            const ret = arg0 in arg1;
            return ret;
        },
        ma: function(arg0) {
            const ret = typeof(arg0) === 'function';
            return ret;
        },
        fa: function(arg0) {
            const ret = arg0 === null;
            return ret;
        },
        ia: function(arg0) {
            const val = arg0;
            const ret = typeof(val) === 'object' && val !== null;
            return ret;
        },
        na: function(arg0) {
            const ret = arg0 === undefined;
            return ret;
        },
        oa: function(arg0, arg1) {
            const ret = arg0 == arg1;
            return ret;
        },
        ja: function(arg0, arg1) {
            const obj = arg1;
            const ret = typeof(obj) === 'number' ? obj : undefined;
            getDataViewMemory0().setFloat64((arg0 >>> 0) + 8 * 1, isLikeNone(ret) ? 0 : ret, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, !isLikeNone(ret), true);
        },
        ka: function(arg0, arg1) {
            const obj = arg1;
            const ret = typeof(obj) === 'string' ? obj : undefined;
            var ptr1 = isLikeNone(ret) ? 0 : passStringToWasm0(ret, wasm.ib, wasm.jb);
            var len1 = WASM_VECTOR_LEN;
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
        },
        ea: function(arg0, arg1) {
            throw new Error(getStringFromWasm0(arg0, arg1));
        },
        E: function() { return handleError(function (arg0, arg1, arg2, arg3, arg4, arg5) {
            arg0.arc(arg1, arg2, arg3, arg4, arg5);
        }, arguments); },
        e: function(arg0, arg1) {
            const ret = Object.assign(arg0, arg1);
            return ret;
        },
        x: function(arg0) {
            arg0.beginPath();
        },
        T: function() { return handleError(function (arg0, arg1) {
            const ret = arg0.call(arg1);
            return ret;
        }, arguments); },
        y: function(arg0, arg1, arg2, arg3, arg4) {
            arg0.clearRect(arg1, arg2, arg3, arg4);
        },
        n: function() { return handleError(function (arg0, arg1, arg2, arg3) {
            const ret = arg1.decode(getArrayU8FromWasm0(arg2, arg3));
            const ptr1 = passStringToWasm0(ret, wasm.ib, wasm.jb);
            const len1 = WASM_VECTOR_LEN;
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
        }, arguments); },
        k: function() { return handleError(function (arg0, arg1) {
            const ret = Reflect.deleteProperty(arg0, arg1);
            return ret;
        }, arguments); },
        h: function(arg0) {
            const ret = arg0.done;
            return ret;
        },
        a: function(arg0, arg1) {
            console.error(getStringFromWasm0(arg0, arg1));
        },
        N: function(arg0, arg1, arg2, arg3, arg4) {
            arg0.fillRect(arg1, arg2, arg3, arg4);
        },
        O: function() { return handleError(function (arg0, arg1, arg2, arg3, arg4) {
            arg0.fillText(getStringFromWasm0(arg1, arg2), arg3, arg4);
        }, arguments); },
        F: function(arg0) {
            arg0.fill();
        },
        q: function() { return handleError(function (arg0, arg1, arg2) {
            const ret = arg0.getContext(getStringFromWasm0(arg1, arg2));
            return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
        }, arguments); },
        ba: function() { return handleError(function (arg0, arg1) {
            const ret = Reflect.get(arg0, arg1);
            return ret;
        }, arguments); },
        b: function(arg0, arg1) {
            const ret = arg0[arg1 >>> 0];
            return ret;
        },
        l: function(arg0, arg1) {
            const ret = arg0[arg1];
            return ret;
        },
        s: function(arg0) {
            const ret = arg0.height;
            return ret;
        },
        V: function(arg0) {
            let result;
            try {
                result = arg0 instanceof ArrayBuffer;
            } catch (_) {
                result = false;
            }
            const ret = result;
            return ret;
        },
        w: function(arg0) {
            let result;
            try {
                result = arg0 instanceof CanvasRenderingContext2D;
            } catch (_) {
                result = false;
            }
            const ret = result;
            return ret;
        },
        u: function(arg0) {
            let result;
            try {
                result = arg0 instanceof HTMLCanvasElement;
            } catch (_) {
                result = false;
            }
            const ret = result;
            return ret;
        },
        g: function(arg0) {
            let result;
            try {
                result = arg0 instanceof Object;
            } catch (_) {
                result = false;
            }
            const ret = result;
            return ret;
        },
        U: function(arg0) {
            let result;
            try {
                result = arg0 instanceof Uint8Array;
            } catch (_) {
                result = false;
            }
            const ret = result;
            return ret;
        },
        Y: function(arg0) {
            const ret = Array.isArray(arg0);
            return ret;
        },
        _: function(arg0) {
            const ret = Number.isSafeInteger(arg0);
            return ret;
        },
        aa: function() {
            const ret = Symbol.iterator;
            return ret;
        },
        j: function(arg0) {
            const ret = Object.keys(arg0);
            return ret;
        },
        R: function(arg0) {
            const ret = arg0.length;
            return ret;
        },
        d: function(arg0) {
            const ret = arg0.length;
            return ret;
        },
        J: function(arg0, arg1, arg2) {
            arg0.lineTo(arg1, arg2);
        },
        Z: function(arg0) {
            const ret = arg0.message;
            return ret;
        },
        K: function(arg0, arg1, arg2) {
            arg0.moveTo(arg1, arg2);
        },
        Q: function(arg0) {
            const ret = new Uint8Array(arg0);
            return ret;
        },
        X: function() {
            const ret = new Array();
            return ret;
        },
        $: function() {
            const ret = new Object();
            return ret;
        },
        o: function() { return handleError(function (arg0, arg1, arg2) {
            const ret = new TextDecoder(getStringFromWasm0(arg0, arg1), arg2);
            return ret;
        }, arguments); },
        ca: function(arg0) {
            const ret = arg0.next;
            return ret;
        },
        f: function() { return handleError(function (arg0) {
            const ret = arg0.next();
            return ret;
        }, arguments); },
        S: function(arg0, arg1, arg2) {
            Uint8Array.prototype.set.call(getArrayU8FromWasm0(arg0, arg1), arg2);
        },
        L: function(arg0) {
            arg0.restore();
        },
        H: function() { return handleError(function (arg0, arg1) {
            arg0.rotate(arg1);
        }, arguments); },
        G: function(arg0) {
            arg0.save();
        },
        c: function(arg0, arg1, arg2) {
            arg0[arg1 >>> 0] = arg2;
        },
        m: function(arg0, arg1, arg2) {
            arg0[arg1] = arg2;
        },
        v: function(arg0, arg1) {
            arg0.fatal = arg1 !== 0;
        },
        z: function(arg0, arg1) {
            arg0.fillStyle = arg1;
        },
        M: function(arg0, arg1, arg2) {
            arg0.font = getStringFromWasm0(arg1, arg2);
        },
        p: function(arg0, arg1) {
            arg0.height = arg1 >>> 0;
        },
        A: function(arg0, arg1) {
            arg0.lineWidth = arg1;
        },
        C: function(arg0, arg1) {
            arg0.strokeStyle = arg1;
        },
        B: function(arg0, arg1, arg2) {
            arg0.textAlign = getStringFromWasm0(arg1, arg2);
        },
        D: function(arg0, arg1, arg2) {
            arg0.textBaseline = getStringFromWasm0(arg1, arg2);
        },
        t: function(arg0, arg1) {
            arg0.width = arg1 >>> 0;
        },
        W: function() { return handleError(function (arg0) {
            const ret = JSON.stringify(arg0);
            return ret;
        }, arguments); },
        I: function(arg0) {
            arg0.stroke();
        },
        P: function() { return handleError(function (arg0, arg1, arg2) {
            arg0.translate(arg1, arg2);
        }, arguments); },
        i: function(arg0) {
            const ret = arg0.value;
            return ret;
        },
        r: function(arg0) {
            const ret = arg0.width;
            return ret;
        },
        ra: function(arg0) {
            // Cast intrinsic for `F64 -> Externref`.
            const ret = arg0;
            return ret;
        },
        sa: function(arg0, arg1) {
            // Cast intrinsic for `Ref(String) -> Externref`.
            const ret = getStringFromWasm0(arg0, arg1);
            return ret;
        },
        ta: function(arg0) {
            // Cast intrinsic for `U64 -> Externref`.
            const ret = BigInt.asUintN(64, arg0);
            return ret;
        },
        qa: function() {
            const table = wasm.nb;
            table.set(0, undefined);
            table.set(1024, undefined);
            table.set(1025, null);
            table.set(1026, true);
            table.set(1027, false);
        },
    };
    return {
        __proto__: null,
        "a": import0,
    };
}

const ChartEngineFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.wa(ptr, 1));
const DatasetHandleFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.xa(ptr, 1));

function addToExternrefTable0(obj) {
    const idx = wasm.mb();
    wasm.nb.set(idx, obj);
    return idx;
}

function _assertClass(instance, klass) {
    if (!(instance instanceof klass)) {
        throw new Error(`expected instance of ${klass.name}`);
    }
}

function debugString(val) {
    switch (typeof val) {
        // primitive types
        case 'number':
        case 'boolean':
        case 'undefined':
        return `${val}`;
        case 'string':
        return JSON.stringify(val);
        case 'bigint':
        return `${val}n`;
        case 'symbol':
        return val.description !== undefined
            ? `Symbol(${val.description})`
            : 'Symbol';
        case 'function':
        return typeof val.name === 'string' && val.name !== ''
            ? `Function(${val.name})`
            : 'Function';
        case 'object': {
            if (val === null) {
                return 'null';
            }
            // objects
            if (Array.isArray(val)) {
                return '[' + Array.from(val, debugString).join(', ') + ']';
            }
            // errors
            if (val instanceof Error) {
                return `${val.name}: ${val.message}\n${val.stack}`;
            }

            const toStringOutput = toString.call(val);
            // Test for built-in
            const className = /\[object ([^\]]+)\]/.exec(toStringOutput)?.[1];

            // Failed to match the standard '[object ClassName]'
            if (className === undefined) {
                return toStringOutput;
            }
            if (className === 'Object') {
                // we're a user defined class or Object
                // JSON.stringify avoids problems with cycles, and is generally much
                // easier than looping through ownProperties of `val`.
                try {
                    return 'Object(' + JSON.stringify(val) + ')';
                } catch (_) {
                    return 'Object';
                }
            }
            // TODO we could test for more things here, like `Set`s and `Map`s.
            return className;
        }
        // Per MDN: 'This list of values is exhaustive.'
        // https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Operators/typeof#description
    }
}

function getArrayI32FromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return getInt32ArrayMemory0().subarray(ptr / 4, ptr / 4 + len);
}

function getArrayJsValueFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    const mem = getDataViewMemory0();
    const result = [];
    for (let i = ptr; i < ptr + 4 * len; i += 4) {
        result.push(wasm.nb.get(mem.getUint32(i, true)));
    }
    wasm.pb(ptr, len);
    return result;
}

function getArrayU8FromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return getUint8ArrayMemory0().subarray(ptr / 1, ptr / 1 + len);
}

let cachedDataViewMemory0 = null;
function getDataViewMemory0() {
    if (cachedDataViewMemory0 === null || cachedDataViewMemory0.buffer.detached === true || (cachedDataViewMemory0.buffer.detached === undefined && cachedDataViewMemory0.buffer !== wasm.ua.buffer)) {
        cachedDataViewMemory0 = new DataView(wasm.ua.buffer);
    }
    return cachedDataViewMemory0;
}

let cachedInt32ArrayMemory0 = null;
function getInt32ArrayMemory0() {
    if (cachedInt32ArrayMemory0 === null || cachedInt32ArrayMemory0.byteLength === 0) {
        cachedInt32ArrayMemory0 = new Int32Array(wasm.ua.buffer);
    }
    return cachedInt32ArrayMemory0;
}

function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}

let cachedUint8ArrayMemory0 = null;
function getUint8ArrayMemory0() {
    if (cachedUint8ArrayMemory0 === null || cachedUint8ArrayMemory0.byteLength === 0) {
        cachedUint8ArrayMemory0 = new Uint8Array(wasm.ua.buffer);
    }
    return cachedUint8ArrayMemory0;
}

function handleError(f, args) {
    try {
        return f.apply(this, args);
    } catch (e) {
        const idx = addToExternrefTable0(e);
        wasm.lb(idx);
    }
}

function isLikeNone(x) {
    return x === undefined || x === null;
}

function passArray8ToWasm0(arg, malloc) {
    const ptr = malloc(arg.length * 1, 1) >>> 0;
    getUint8ArrayMemory0().set(arg, ptr / 1);
    WASM_VECTOR_LEN = arg.length;
    return ptr;
}

function passStringToWasm0(arg, malloc, realloc) {
    if (realloc === undefined) {
        const buf = cachedTextEncoder.encode(arg);
        const ptr = malloc(buf.length, 1) >>> 0;
        getUint8ArrayMemory0().subarray(ptr, ptr + buf.length).set(buf);
        WASM_VECTOR_LEN = buf.length;
        return ptr;
    }

    let len = arg.length;
    let ptr = malloc(len, 1) >>> 0;

    const mem = getUint8ArrayMemory0();

    let offset = 0;

    for (; offset < len; offset++) {
        const code = arg.charCodeAt(offset);
        if (code > 0x7F) break;
        mem[ptr + offset] = code;
    }
    if (offset !== len) {
        if (offset !== 0) {
            arg = arg.slice(offset);
        }
        ptr = realloc(ptr, len, len = offset + arg.length * 3, 1) >>> 0;
        const view = getUint8ArrayMemory0().subarray(ptr + offset, ptr + len);
        const ret = cachedTextEncoder.encodeInto(arg, view);

        offset += ret.written;
        ptr = realloc(ptr, len, offset, 1) >>> 0;
    }

    WASM_VECTOR_LEN = offset;
    return ptr;
}

function takeFromExternrefTable0(idx) {
    const value = wasm.nb.get(idx);
    wasm.ob(idx);
    return value;
}

let cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
cachedTextDecoder.decode();
const MAX_SAFARI_DECODE_BYTES = 2146435072;
let numBytesDecoded = 0;
function decodeText(bytes) {
    numBytesDecoded += bytes.length;
    if (numBytesDecoded >= MAX_SAFARI_DECODE_BYTES) {
        cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
        cachedTextDecoder.decode();
        numBytesDecoded = bytes.length;
    }
    return cachedTextDecoder.decode(bytes);
}

const cachedTextEncoder = new TextEncoder();

if (!('encodeInto' in cachedTextEncoder)) {
    cachedTextEncoder.encodeInto = function (arg, view) {
        const buf = cachedTextEncoder.encode(arg);
        view.set(buf);
        return {
            read: arg.length,
            written: buf.length
        };
    };
}

let WASM_VECTOR_LEN = 0;

let wasmModule, wasmInstance, wasm;
function __wbg_finalize_init(instance, module) {
    wasmInstance = instance;
    wasm = instance.exports;
    wasmModule = module;
    cachedDataViewMemory0 = null;
    cachedInt32ArrayMemory0 = null;
    cachedUint8ArrayMemory0 = null;
    wasm.qb();
    return wasm;
}

async function __wbg_load(module, imports) {
    if (typeof Response === 'function' && module instanceof Response) {
        if (!module.ok) {
            throw new Error(`failed to fetch Wasm: ${module.status} ${module.statusText} fetching '${module.url}'`);
        }

        if (typeof WebAssembly.instantiateStreaming === 'function') {
            try {
                return await WebAssembly.instantiateStreaming(module, imports);
            } catch (e) {
                const validResponse = expectedResponseType(module.type);

                if (validResponse && module.headers.get('Content-Type') !== 'application/wasm') {
                    console.warn("`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with `application/wasm` MIME type. Falling back to `WebAssembly.instantiate` which is slower. Original error:\n", e);

                } else { throw e; }
            }
        }

        const bytes = await module.arrayBuffer();
        return await WebAssembly.instantiate(bytes, imports);
    } else {
        const instance = await WebAssembly.instantiate(module, imports);

        if (instance instanceof WebAssembly.Instance) {
            return { instance, module };
        } else {
            return instance;
        }
    }

    function expectedResponseType(type) {
        switch (type) {
            case 'basic': case 'cors': case 'default': return true;
        }
        return false;
    }
}

function initSync(module) {
    if (wasm !== undefined) return wasm;


    if (module !== undefined) {
        if (Object.getPrototypeOf(module) === Object.prototype) {
            ({module} = module)
        } else {
            console.warn('using deprecated parameters for `initSync()`; pass a single object instead')
        }
    }

    const imports = __wbg_get_imports();
    if (!(module instanceof WebAssembly.Module)) {
        module = new WebAssembly.Module(module);
    }
    const instance = new WebAssembly.Instance(module, imports);
    return __wbg_finalize_init(instance, module);
}

let __wbg_init_promise;
async function __wbg_init(module_or_path) {
    if (wasm !== undefined) return wasm;
    if (__wbg_init_promise === undefined) {
        __wbg_init_promise = __wbg_init_once(module_or_path);
        __wbg_init_promise.catch(() => { __wbg_init_promise = undefined; });
    }
    return __wbg_init_promise;
}

async function __wbg_init_once(module_or_path) {

    if (module_or_path !== undefined) {
        if (Object.getPrototypeOf(module_or_path) === Object.prototype) {
            ({module_or_path} = module_or_path)
        } else {
            console.warn('using deprecated parameters for the initialization function; pass a single object instead')
        }
    }

    if (module_or_path === undefined) {
        module_or_path = new URL('heluo_bg.wasm', import.meta.url);
    }
    const imports = __wbg_get_imports();

    if (typeof module_or_path === 'string' || (typeof Request === 'function' && module_or_path instanceof Request) || (typeof URL === 'function' && module_or_path instanceof URL)) {
        module_or_path = fetch(module_or_path);
    }

    const { instance, module } = await __wbg_load(await module_or_path, imports);

    return __wbg_finalize_init(instance, module);
}

export { initSync, __wbg_init as default };
