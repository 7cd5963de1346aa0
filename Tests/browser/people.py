"""The obviously fictional people the browser journeys sign in as, shared by every journey module."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Person:
    name: str
    email: str
    password: str


ADA = Person("Ada Example", "ada.admin@example.org", "plum orchard lantern 42")
BO = Person("Bo Sample", "bo.member@example.org", "quiet river meadow 17")
