// Prints reference ids for VingIdsTest: the skip32 package ving encrypts ids with, and ving's base62 alphabet
// ("v" marks the start of the digits and is not one of them). Run: npm install && node reference.mjs
import skip32 from 'skip32';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuwxyz9876543210_';

function base62(n) {
    if (n === 0) return alphabet[0];
    let digits = '';
    for (; n > 0; n = Math.floor(n / 62)) digits = alphabet[n % 62] + digits;
    return 'v' + digits;
}

// keys as VING_SKIPJACK_KEY gives them: unset (no key), ten numbers, and a short one that repeats
const keys = [undefined, '1,2,3,4,5,6,7,8,9,10', '42,7'];
const ids = [1, 2, 8, 61, 62, 1000, 123456789, 4294967295];
for (const key of keys) {
    const cipher = new skip32.Skip32(key === undefined ? [] : key.split(','));
    for (const id of ids) {
        console.log(`${key ?? ''}|${id}|${base62(cipher.encrypt(id))}`);
    }
}
