// A text field's behaviour: showing and clearing its error message as textField draws it.

/** Shows (or clears, with '') the message of `input`'s field. */
export function setFieldError(input: HTMLInputElement, message: string): void {
  const box = document.getElementById(`${input.id}-error`);
  if (box) box.textContent = message;
  input.closest('.form-group')?.classList.toggle('form-group--error', message !== '');
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}
